namespace TakeoverRules.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
internal static class ExitCodes
{
    /// <summary>Success, nothing to report.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and found something (defined per command), or skipped bad input lines.</summary>
    public const int Findings = 1;

    /// <summary>Bad arguments or unreadable input.</summary>
    public const int UsageError = 2;
}
