namespace TakeoverRules.Passwords;

/// <summary>The outcome of a breached-password check. The default value is <see cref="Unavailable"/>, so an unset result never reads as "not breached".</summary>
public enum BreachStatus
{
    /// <summary>The source could not answer (timeout, network or HTTP error, malformed data); see <see cref="BreachCheckResult.Failure"/>. Treat as "unknown", not as "safe".</summary>
    Unavailable,

    /// <summary>The source answered and the password is not in it.</summary>
    NotFound,

    /// <summary>The password appears in the breach corpus; see <see cref="BreachCheckResult.Count"/>.</summary>
    Found,
}
