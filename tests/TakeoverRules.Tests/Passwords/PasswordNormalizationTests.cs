using CsCheck;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

public sealed class PasswordNormalizationTests
{
    // The ASCII fast path (no culture data loaded) must lower exactly as the invariant culture does.
    [Fact]
    public void Lower_casing_equals_the_invariant_culture_for_ascii_and_any_other_text() =>
        Gen.OneOf(Gen.String[Gen.Char['\0', '\x7f'], 0, 40], Gen.String[Gen.Char, 0, 40]).Sample(text =>
        {
            var expected = text.ToLowerInvariant();
            var lower = new char[text.Length];
            PasswordNormalization.ToLowerInvariant(text, lower);
            return new string(lower) == expected && PasswordNormalization.ToLowerInvariant(text) == expected;
        }, iter: 2000);
}
