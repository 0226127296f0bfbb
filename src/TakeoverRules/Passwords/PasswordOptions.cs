using System.Globalization;

namespace TakeoverRules.Passwords;

/// <summary>
/// Options for password-strength estimation, policy checks and breach checks, validated once by
/// <c>AddTakeoverRules</c>. Mutable while configuring; not thread-safe. The registered services copy what they use.
/// </summary>
public sealed class PasswordOptions
{
    /// <summary>The estimator's options (analysed length, reference year, context words). Its <see cref="PasswordEstimatorOptions.ContextWords"/> (the broker's and the service's names) are also refused whole by the policy. Default: the estimator's defaults.</summary>
    public PasswordEstimatorOptions Estimator { get; set; } = new();

    /// <summary>The policy the registered <see cref="PasswordPolicyChecker"/> applies. Default a new copy of <see cref="PasswordPolicy.Nist"/> (15 characters, no composition rules), so binding configuration into it changes only these options.</summary>
    public PasswordPolicy Policy { get; set; } = PasswordPolicy.Nist;

    /// <summary>Use only the most common entries of the embedded common-password blocklist; <see langword="null"/> for all 49,233. Default <see langword="null"/>.</summary>
    public int? CommonPasswordsMaxRank { get; set; }

    /// <summary>Extra passwords the policy refuses whole (the service's own banned words). Default empty.</summary>
    public IList<string> BlocklistEntries { get; } = [];

    /// <summary>UTF-8 files of extra passwords to refuse, one per line (<c>#</c> starts a comment), read at start-up. Default empty.</summary>
    public IList<string> BlocklistFiles { get; } = [];

    /// <summary>Where the registered <see cref="IBreachedPasswordChecker"/> looks passwords up. Default <see cref="BreachSource.None"/>: nothing leaves the process unless you opt in.</summary>
    public BreachSource BreachSource { get; set; } = BreachSource.None;

    /// <summary>Settings of the range API, used when <see cref="BreachSource"/> is <see cref="BreachSource.PwnedPasswordsApi"/>. Default: the public API, 5 s timeout, 1 MiB limit, padding on.</summary>
    public PwnedPasswordsRangeOptions PwnedPasswordsApi { get; set; } = new();

    /// <summary>The sorted SHA-1 hash file, required when <see cref="BreachSource"/> is <see cref="BreachSource.PwnedPasswordsFile"/>; opened and checked at start-up. Default <see langword="null"/>.</summary>
    public string? PwnedPasswordsFile { get; set; }

    internal void Validate(List<string> errors)
    {
        if (Estimator is null) errors.Add("Passwords.Estimator: must not be null");
        else Estimator.Validate(errors, "Passwords.Estimator");

        if (Policy is null) errors.Add("Passwords.Policy: must not be null");
        else Policy.AddErrors(errors, "Passwords.Policy.");

        if (CommonPasswordsMaxRank is < 1)
        {
            errors.Add($"Passwords.CommonPasswordsMaxRank: must be at least 1 or null (was {CommonPasswordsMaxRank.Value.ToString(CultureInfo.InvariantCulture)})");
        }

        for (var i = 0; i < BlocklistEntries.Count; i++)
        {
            if (BlocklistEntries[i] is { Length: > PasswordBlocklist.MaximumEntryLength })
            {
                errors.Add($"Passwords.BlocklistEntries[{i.ToString(CultureInfo.InvariantCulture)}]: must be at most {PasswordBlocklist.MaximumEntryLength.ToString(CultureInfo.InvariantCulture)} characters (was {BlocklistEntries[i].Length.ToString(CultureInfo.InvariantCulture)})");
            }
        }

        for (var i = 0; i < BlocklistFiles.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(BlocklistFiles[i]) || !File.Exists(BlocklistFiles[i]))
            {
                errors.Add($"Passwords.BlocklistFiles[{i.ToString(CultureInfo.InvariantCulture)}]: file not found (was '{BlocklistFiles[i]}')");
            }
        }

        switch (BreachSource)
        {
            case BreachSource.None:
                break;
            case BreachSource.PwnedPasswordsApi when PwnedPasswordsApi is null:
                errors.Add("Passwords.PwnedPasswordsApi: must not be null when BreachSource is PwnedPasswordsApi");
                break;
            case BreachSource.PwnedPasswordsApi:
                PwnedPasswordsApi.AddErrors(errors, "Passwords.PwnedPasswordsApi.");
                break;
            case BreachSource.PwnedPasswordsFile:
                ValidateHashFile(errors);
                break;
            default:
                errors.Add($"Passwords.BreachSource: unknown value (was {((int)BreachSource).ToString(CultureInfo.InvariantCulture)})");
                break;
        }
    }

    /// <summary>Opens the file once so a wrong path or format fails at start-up rather than on the first sign-up.</summary>
    private void ValidateHashFile(List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(PwnedPasswordsFile))
        {
            errors.Add("Passwords.PwnedPasswordsFile: required when BreachSource is PwnedPasswordsFile (was null)");
            return;
        }

        try
        {
            PwnedPasswordsHashFile.Open(PwnedPasswordsFile).Dispose();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            errors.Add($"Passwords.PwnedPasswordsFile: {ex.Message} (was '{PwnedPasswordsFile}')");
        }
    }
}
