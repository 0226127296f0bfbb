namespace TakeoverRules.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
internal static class ExitCodes
{
    /// <summary>Success, nothing to report.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and found something (defined per command), or skipped bad input lines.</summary>
    public const int Findings = 1;

    /// <summary>Bad arguments or unusable input: a missing file, a directory, a file too large, an output that is an input.</summary>
    public const int UsageError = 2;

    /// <summary>Reading or writing failed while the command ran (a full disk, a closed standard output): the results are incomplete.</summary>
    public const int IoError = 3;
}
