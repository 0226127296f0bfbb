namespace TakeoverRules.Passwords;

/// <summary>
/// A list of passwords that must be refused whole (NIST SP 800-63B rev. 4: common, expected or compromised values).
/// Implementations must be thread-safe.
/// </summary>
public interface IPasswordBlocklist
{
    /// <summary>Whether the password is on the list.</summary>
    /// <param name="foldedPassword">The password after NFKC normalisation and invariant lower-casing.</param>
    bool Contains(string foldedPassword);
}
