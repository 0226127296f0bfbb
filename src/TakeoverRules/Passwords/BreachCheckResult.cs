using System.Globalization;

namespace TakeoverRules.Passwords;

/// <summary>
/// The typed outcome of a breached-password check: found with a count, not found, or unavailable with the reason.
/// Never contains the password, its hash or its hash prefix.
/// </summary>
public readonly record struct BreachCheckResult
{
    private BreachCheckResult(BreachStatus status, long? count, BreachCheckFailure failure, string? detail)
    {
        Status = status;
        Count = count;
        Failure = failure;
        Detail = detail;
    }

    /// <summary>The result for a password the source does not contain.</summary>
    public static BreachCheckResult NotFound { get; } = new(BreachStatus.NotFound, null, BreachCheckFailure.None, null);

    /// <summary>Whether the source answered, and how.</summary>
    public BreachStatus Status { get; }

    /// <summary>How often the password appears in the corpus when <see cref="Status"/> is <see cref="BreachStatus.Found"/> and the source gives counts; otherwise <see langword="null"/>.</summary>
    public long? Count { get; }

    /// <summary>Why the source could not answer; <see cref="BreachCheckFailure.None"/> for found and not-found results (and for <see langword="default"/>, which is <see cref="BreachStatus.Unavailable"/>).</summary>
    public BreachCheckFailure Failure { get; }

    /// <summary>A diagnostic for <see cref="BreachStatus.Unavailable"/> (an HTTP status, a line number or byte offset); never secret.</summary>
    public string? Detail { get; }

    /// <summary>Whether the password is known to be breached.</summary>
    public bool IsBreached => Status == BreachStatus.Found;

    /// <summary>Creates a <see cref="BreachStatus.Found"/> result.</summary>
    /// <param name="count">Occurrences in the corpus, or <see langword="null"/> when the source gives none.</param>
    public static BreachCheckResult Found(long? count)
    {
        if (count is < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "A found password occurs at least once.");
        return new(BreachStatus.Found, count, BreachCheckFailure.None, null);
    }

    /// <summary>Creates a <see cref="BreachStatus.Unavailable"/> result.</summary>
    /// <param name="failure">Why the source could not answer.</param>
    /// <param name="detail">A non-secret diagnostic.</param>
    public static BreachCheckResult Unavailable(BreachCheckFailure failure, string? detail = null)
    {
        if (failure == BreachCheckFailure.None) throw new ArgumentOutOfRangeException(nameof(failure), failure, "An unavailable result needs a failure reason.");
        return new(BreachStatus.Unavailable, null, failure, detail);
    }

    /// <summary>A summary such as <c>Found (3861493)</c> or <c>Unavailable: Timeout (after 00:00:05)</c>.</summary>
    public override string ToString() => Status switch
    {
        BreachStatus.Found => Count is { } count ? $"Found ({count.ToString(CultureInfo.InvariantCulture)})" : "Found",
        BreachStatus.Unavailable => Detail is null ? $"Unavailable: {Failure}" : $"Unavailable: {Failure} ({Detail})",
        _ => "NotFound",
    };
}
