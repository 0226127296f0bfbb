namespace TakeoverRules.Facts;

/// <summary>The kind of place a victim can turn to.</summary>
public enum ContactKind
{
    /// <summary>Police consultation (non-emergency).</summary>
    PoliceConsultation,

    /// <summary>Police emergency number.</summary>
    PoliceEmergency,

    /// <summary>Cyber-crime consultation and reporting desks.</summary>
    CyberCrimeDesk,

    /// <summary>Consumer-affairs hotline.</summary>
    ConsumerHotline,

    /// <summary>The financial regulator's consultation desk.</summary>
    Regulator,

    /// <summary>Financial ADR: consultation, complaints and mediation (あっせん).</summary>
    FinancialAdr,

    /// <summary>A broker's own desk or page for victims.</summary>
    Broker,
}

/// <summary>Another number of a contact point, with what it is for (for example the number for IP phones, or a fax).</summary>
/// <param name="Number">The number as published.</param>
/// <param name="Use">What the number is for.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ContactNumber(string Number, BilingualText Use);

/// <summary>
/// A place victims can go, as a sourced fact. Only numbers, hours and addresses confirmed by the research notes are
/// present; a value that could not be confirmed is <see langword="null"/> rather than guessed.
/// </summary>
/// <param name="Id">Stable identifier (for example <c>police-consultation</c>).</param>
/// <param name="Kind">What kind of place it is.</param>
/// <param name="Organisation">Who runs it.</param>
/// <param name="Phone">The main phone number, or <see langword="null"/> when none is confirmed.</param>
/// <param name="OtherNumbers">Other confirmed numbers (IP phones, fax).</param>
/// <param name="Hours">Opening hours, or <see langword="null"/> when not confirmed by a primary source.</param>
/// <param name="Url">The page to use, or <see langword="null"/> when none is confirmed.</param>
/// <param name="Purpose">What to go there for.</param>
/// <param name="BrokerId">The broker, for a broker desk; otherwise <see langword="null"/>.</param>
/// <param name="Source">The source the contact details were read from.</param>
/// <param name="Sources">Every supporting source, <paramref name="Source"/> first.</param>
/// <param name="AsOf">The date the details were current (see <paramref name="AsOfBasis"/>).</param>
/// <param name="AsOfBasis">What <paramref name="AsOf"/> refers to.</param>
/// <param name="Grade">The weight of the details.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ContactPoint(
    string Id,
    ContactKind Kind,
    BilingualText Organisation,
    string? Phone,
    IReadOnlyList<ContactNumber> OtherNumbers,
    BilingualText? Hours,
    Uri? Url,
    BilingualText Purpose,
    string? BrokerId,
    FactSource Source,
    IReadOnlyList<FactSource> Sources,
    FactDate AsOf,
    AsOfBasis AsOfBasis,
    EvidenceGrade Grade);
