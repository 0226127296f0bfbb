namespace TakeoverRules.Passwords;

/// <summary>Where <see cref="IBreachedPasswordChecker"/> looks passwords up, for <see cref="PasswordOptions.BreachSource"/>.</summary>
public enum BreachSource
{
    /// <summary>No breach checker is registered.</summary>
    None,

    /// <summary>The Pwned Passwords range API over HTTPS (k-anonymity: only a 5-hex SHA-1 prefix is sent); see <see cref="PasswordOptions.PwnedPasswordsApi"/>.</summary>
    PwnedPasswordsApi,

    /// <summary>A local, sorted Pwned Passwords SHA-1 file; see <see cref="PasswordOptions.PwnedPasswordsFile"/>.</summary>
    PwnedPasswordsFile,
}
