using System.Globalization;

namespace TakeoverRules.Passwords;

/// <summary>Settings of <see cref="PwnedPasswordsRangeClient"/>. Mutable while configuring; the client copies the values it uses.</summary>
public sealed class PwnedPasswordsRangeOptions
{
    /// <summary>The public Pwned Passwords range API.</summary>
    public static Uri PublicApi { get; } = new("https://api.pwnedpasswords.com/");

    /// <summary>Where <c>range/{prefix}</c> is requested. Default <see cref="PublicApi"/>. Must be https, except for a loopback host (a local mirror or a test server).</summary>
    public Uri BaseAddress { get; set; } = PublicApi;

    /// <summary>The longest a check may take, including reading the body; then it returns <see cref="BreachCheckFailure.Timeout"/>. Default 5 seconds; at most 2 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest response body read; a larger one returns <see cref="BreachCheckFailure.ResponseTooLarge"/>. Default 1 MiB (a padded range is about 40–80 KB); between 1 KiB and 64 MiB.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>Sends <c>Add-Padding: true</c>, so every response has 800–1,000 lines and its size does not hint at the prefix; padding lines (count 0) are ignored. Default <see langword="true"/>.</summary>
    public bool AddPadding { get; set; } = true;

    /// <summary>Returns every problem, each as <c>Property: reason (was value)</c>; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        AddErrors(errors, "");
        return errors;
    }

    internal void AddErrors(List<string> errors, string prefix)
    {
        if (BaseAddress is null)
        {
            errors.Add($"{prefix}BaseAddress: must not be null");
        }
        else if (!BaseAddress.IsAbsoluteUri)
        {
            errors.Add($"{prefix}BaseAddress: must be an absolute URI (was '{BaseAddress}')");
        }
        else if (BaseAddress.Scheme != Uri.UriSchemeHttps && !(BaseAddress.Scheme == Uri.UriSchemeHttp && BaseAddress.IsLoopback))
        {
            errors.Add($"{prefix}BaseAddress: must use https unless the host is loopback (was '{BaseAddress}')");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(2))
        {
            errors.Add($"{prefix}Timeout: must be more than 0 and at most 00:02:00 (was {Timeout.ToString("c", CultureInfo.InvariantCulture)})");
        }

        if (MaxResponseBytes is < 1024 or > 64 * 1024 * 1024)
        {
            errors.Add($"{prefix}MaxResponseBytes: must be between 1024 and 67108864 (was {MaxResponseBytes.ToString(CultureInfo.InvariantCulture)})");
        }
    }
}
