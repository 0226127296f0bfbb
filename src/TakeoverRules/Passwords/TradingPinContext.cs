namespace TakeoverRules.Passwords;

/// <summary>
/// What is known about the account holder, so <see cref="TradingPinChecker"/> can refuse a PIN derived from it.
/// Holds secrets: <see cref="ToString"/> shows none of them. Not thread-safe while being initialised; immutable after.
/// </summary>
public sealed class TradingPinContext
{
    /// <summary>The maximum number of <see cref="OtherNumbers"/> examined; the rest are ignored so the check stays bounded.</summary>
    public const int MaximumOtherNumbers = 32;

    /// <summary>The login password, so a PIN copied from its digits is refused. Default <see langword="null"/>.</summary>
    public string? LoginPassword { get; init; }

    /// <summary>The holder's date of birth. Default <see langword="null"/>.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>Other numbers of the holder: phone numbers, account or branch numbers, postal code, login ID. Non-digits are ignored. Default empty.</summary>
    public IReadOnlyList<string> OtherNumbers { get; init; } = [];

    /// <summary>Names the type only; the context holds secrets.</summary>
    public override string ToString() => nameof(TradingPinContext);
}
