using System.Text;
using CsCheck;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

public sealed class PasswordNormalizationTests
{
    // Full-width ASCII (and ASCII mixed with it) is folded without ICU; the result must be exactly NFKC.
    [Fact]
    public void Full_width_ascii_folds_exactly_as_nfkc() =>
        Gen.String[Gen.OneOf(Gen.Char['\0', '\x7f'], Gen.Char['\uFF01', '\uFF5E'], Gen.Const('\u3000')), 1, 40].Sample(
            text => PasswordNormalization.Normalize(text) == text.Normalize(NormalizationForm.FormKC), iter: 5000);

    [Fact]
    public void Every_full_width_ascii_character_folds_as_nfkc()
    {
        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
            PasswordNormalization.Normalize(c.ToString()).Should().Be(c.ToString().Normalize(NormalizationForm.FormKC));
        PasswordNormalization.Normalize("\u3000").Should().Be(" ");
    }

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
