using TakeoverRules.Passwords;

namespace TakeoverRules.Benchmarks.Passwords;

/// <summary>The passwords every estimator benchmark runs on: common, mangled, Japanese, keyboard, random and passphrases, all ≤ 64 characters.</summary>
internal static class PasswordCorpus
{
    public static readonly string[] Typical =
    [
        "password", "123456", "qwerty", "iloveyou", "P@ssw0rd", "Password1!", "monkey123", "Tr0ub4dour&3",
        "correcthorsebatterystaple", "sakura", "takahiro1985", "tanaka19850412", "H050412", "s600101yamada",
        "09012345678", "090-1234-5678", "adgjmptw", "1qaz2wsx", "qwertyuiop@[", "zaq12wsx", "rakuten2025",
        "nomura123", "yoroshiku", "Ｐａｓｓｗｏｒｄ１２３", "パスワード", "abcabcabc", "aaaaaaaa", "2580",
        "x8#Kq2!vLp9@Wm3z", "7hK$pQ2vN9xW", "mZ4tR8wQ2nL6vB1c", "f3a9c0e7b1d24a6c", "Uj9#xL2!qW7$zR4@mN8*",
        "purple-monkey-dishwasher-42", "vapor staple nimble garden", "ilovemykids2010", "jessica1992!",
        "classof2005", "miamiheat23", "summer2024", "Welcome123", "letmein!", "dragon", "superman12",
        "kabushiki0701", "reiwa7nen", "ShowaS60", "zxcvbnm,./", "!\"#$%&'()", "hellokitty", "doraemon2000",
        "A very long passphrase with several words 2024!", "4b9f6c1e0d8a7b3c5e2f9a1d6c8b0e7f4a3d5c9e1b2f6a8d",
    ];

    /// <summary>Estimates every password of <see cref="Typical"/> and sums the log10 guesses (so nothing is optimised away).</summary>
    public static double EstimateTypical(PasswordStrengthEstimator estimator)
    {
        var sum = 0.0;
        foreach (var password in Typical) sum += estimator.Estimate(password).GuessesLog10;
        return sum;
    }

    /// <summary>256 printable-ASCII characters from a fixed seed.</summary>
    public static string Random(int length, int seed = 42)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        var random = new Random(seed);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[r.Next(alphabet.Length)];
        });
    }
}
