using System.Security.Cryptography;
using System.Text;

namespace TakeoverRules.Tests.Passwords;

/// <summary>Computes Pwned Passwords keys independently of the library, so the tests do not trust the code they test.</summary>
public static class PwnedTestHashes
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "Pwned Passwords is keyed by SHA-1.")]
    public static string Sha1Hex(string password) =>
        Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password.Normalize(NormalizationForm.FormKC))));

    public static string Prefix(string password) => Sha1Hex(password)[..5];

    public static string Suffix(string password) => Sha1Hex(password)[5..];

    /// <summary>A random 35-hex suffix that is not <paramref name="avoid"/>.</summary>
    public static string RandomSuffix(Random random, string avoid)
    {
        while (true)
        {
            var bytes = new byte[20];
            random.NextBytes(bytes);
            var suffix = Convert.ToHexString(bytes)[5..];
            if (suffix != avoid) return suffix;
        }
    }
}
