namespace TakeoverRules;

/// <summary>Thrown at start-up when <see cref="TakeoverRulesOptions"/> are invalid; lists every problem at once.</summary>
public sealed class TakeoverRulesOptionsException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    /// <param name="errors">Each problem as <c>Section.Property: reason (was value)</c>.</param>
    public TakeoverRulesOptionsException(IReadOnlyList<string> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a single message.</summary>
    public TakeoverRulesOptionsException(string message)
        : base(message)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with a single message and an inner exception.</summary>
    public TakeoverRulesOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with no detail.</summary>
    public TakeoverRulesOptionsException()
        : this("TakeoverRules options are invalid.")
    {
    }

    /// <summary>Every validation problem, each naming the option and why it is invalid.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string BuildMessage(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return $"TakeoverRules options are invalid ({errors.Count} problem(s)):{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", errors);
    }
}
