namespace TakeoverRules.Facts;

/// <summary>What a <see cref="Fact"/> is about.</summary>
public enum FactTopic
{
    /// <summary>FSA statistics on unauthorized access and trades, and other official counts.</summary>
    Statistics,

    /// <summary>Which brokers were affected and when.</summary>
    Brokers,

    /// <summary>Compensation: the JSDA ten-firm agreement and each broker's policy.</summary>
    Policies,

    /// <summary>Statements by officials and associations (for example the spring-2025 stance on compensation).</summary>
    Statements,

    /// <summary>Industry guidelines, supervisory guidelines and brokers' authentication measures.</summary>
    Guidelines,

    /// <summary>Statutes, articles, agreements between banks, and enforcement.</summary>
    Laws,

    /// <summary>Where victims can go: police, consumer and financial hotlines, ADR, broker desks.</summary>
    Contacts,
}

/// <summary>How a figure relates to the value it reports.</summary>
public enum QuantityQualifier
{
    /// <summary>The value as reported, with no qualifier.</summary>
    AsReported,

    /// <summary>About (約) the value.</summary>
    About,

    /// <summary>More than (超) the value.</summary>
    Over,
}

/// <summary>A number a fact reports, with its unit and qualifier.</summary>
/// <param name="Value">The number (yen amounts in yen, counts as counts).</param>
/// <param name="Unit">The unit: <c>count</c>, <c>JPY</c> or <c>firms</c>.</param>
/// <param name="Qualifier">Whether the value is exact as reported, approximate or a lower bound.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct FactQuantity(decimal Value, string Unit, QuantityQualifier Qualifier)
{
    // Sources round 約 amounts to 0.1億円 or to three significant figures; 1% covers that rounding without
    // hiding a real revision.
    private const decimal AboutTolerance = 0.01m;

    /// <summary>Whether two reported quantities can both be true (for example 約6,900億円 and 6,903億円, or 6,700億円超 and 6,770億円).</summary>
    /// <param name="other">The other quantity.</param>
    /// <returns><see langword="true"/> when the two do not contradict each other.</returns>
    public bool IsConsistentWith(FactQuantity other)
    {
        if (!string.Equals(Unit, other.Unit, StringComparison.Ordinal)) return false;
        if (Qualifier == QuantityQualifier.Over) return other.Value >= Value;
        if (other.Qualifier == QuantityQualifier.Over) return Value >= other.Value;
        if (Value == other.Value) return true;
        if (Qualifier == QuantityQualifier.About || other.Qualifier == QuantityQualifier.About)
        {
            var scale = Math.Max(Math.Abs(Value), Math.Abs(other.Value));
            return Math.Abs(Value - other.Value) <= scale * AboutTolerance;
        }

        return false;
    }

    /// <summary>The quantity with its qualifier, for example <c>~12,900,000,000 JPY</c> (about) or <c>&gt;5,000 count</c> (over).</summary>
    /// <returns>The formatted quantity.</returns>
    public override string ToString()
    {
        var prefix = Qualifier switch { QuantityQualifier.About => "~", QuantityQualifier.Over => ">", _ => "" };
        return $"{prefix}{Value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture)} {Unit}";
    }
}

/// <summary>
/// One sourced, dated statement about the world. Facts that answer the same question share a <see cref="Key"/>;
/// a newer fact with the same key supersedes an older one unless it is weaker evidence (a low-authority or
/// unverified report never overrides a stronger one), and <see cref="Supersedes"/> names other facts it replaces.
/// </summary>
/// <param name="Id">Stable identifier (for example <c>jsda.mfa-mandatory.2025-04-25</c>).</param>
/// <param name="Topic">What the fact is about.</param>
/// <param name="Key">The question the fact answers; facts with the same key are versions of one answer.</param>
/// <param name="Subject">The broker id the fact is about, or <see langword="null"/>.</param>
/// <param name="Statement">The fact, Japanese wording first.</param>
/// <param name="Quantity">The number it reports, if any.</param>
/// <param name="AsOf">The date the fact describes or was reported (see <paramref name="Basis"/>).</param>
/// <param name="Basis">What <paramref name="AsOf"/> refers to.</param>
/// <param name="Sources">Where it was read; never empty.</param>
/// <param name="Supersedes">Ids of facts (with other keys) this fact replaces.</param>
/// <param name="Grade">The weight of the fact as graded in the research notes.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Fact(
    string Id,
    FactTopic Topic,
    string Key,
    string? Subject,
    BilingualText Statement,
    FactQuantity? Quantity,
    FactDate AsOf,
    AsOfBasis Basis,
    IReadOnlyList<FactSource> Sources,
    IReadOnlyList<string> Supersedes,
    EvidenceGrade Grade)
{
    /// <summary>
    /// The first day on which the fact is counted as known: the as-of day, the last day of its month for
    /// month-precision dates (the conservative reading), and the earliest date for <see cref="AsOfBasis.Before"/>
    /// facts, which describe the standing state before their date.
    /// </summary>
    public DateOnly KnownFrom => Basis == AsOfBasis.Before
        ? DateOnly.MinValue
        : AsOf.LastDay;
}

/// <summary>Facts that answer the same question with values that cannot all be true, none of which supersedes the others.</summary>
/// <param name="Key">The question they answer.</param>
/// <param name="Facts">The disagreeing facts, oldest first.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FactConflict(string Key, IReadOnlyList<Fact> Facts);
