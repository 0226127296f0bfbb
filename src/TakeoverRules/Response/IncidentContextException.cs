namespace TakeoverRules.Response;

/// <summary>An <see cref="IncidentContext"/> value that cannot be used, with the field, the value and the reason.</summary>
public sealed class IncidentContextException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The field of <see cref="IncidentContext"/> that is wrong.</param>
    /// <param name="value">The value it had.</param>
    /// <param name="reason">Why the value cannot be used.</param>
    public IncidentContextException(string field, string? value, string reason)
        : base($"IncidentContext.{field}: {reason} (was {value ?? "null"})")
    {
        Field = field;
        Value = value;
        Reason = reason;
    }

    /// <summary>The field that is wrong.</summary>
    public string Field { get; }

    /// <summary>The value it had.</summary>
    public string? Value { get; }

    /// <summary>Why it cannot be used.</summary>
    public string Reason { get; }
}
