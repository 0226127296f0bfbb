using System.Globalization;
using CsCheck;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

public sealed class PasswordPolicyCheckerTests
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly PasswordBlocklist Blocklist = PasswordBlocklist.From(["password", "sakura", "1qaz2wsx", "passwordpassword"]);

    private static readonly PasswordPolicy Broker = new()
    {
        Name = "broker",
        MinimumLength = 10,
        MaximumLength = 32,
        RequiredClasses = CharacterClasses.Lowercase | CharacterClasses.Digit,
        MinimumClassCount = 3,
        AsciiOnly = true,
    };

    private static IEnumerable<PasswordPolicyViolationCode> Codes(PasswordPolicyResult result) => result.Violations.Select(v => v.Code);

    [Theory]
    [InlineData("fourteen chars", false)]
    [InlineData("fifteen chars!!", true)]
    public void NIST_alone_needs_15_code_points(string password, bool compliant) =>
        new PasswordPolicyChecker(PasswordPolicy.Nist).Check(password).IsCompliant.Should().Be(compliant);

    [Fact]
    public void Length_is_counted_in_code_points_after_NFKC_so_emoji_and_kanji_count_once()
    {
        var checker = new PasswordPolicyChecker(PasswordPolicy.NistMultiFactor);

        checker.Check("🔑🔑🔑🔑🔑🔑🔑").Has(PasswordPolicyViolationCode.TooShort).Should().BeTrue("7 code points, although 14 UTF-16 units");
        checker.Check("株式会社証券口座").IsCompliant.Should().BeTrue("8 kanji are 8 characters");
        checker.Check("ｶﾌﾞｼｷｶｲｼｬ").IsCompliant.Should().BeTrue("9 half-width units normalise to the 8 code points of カブシキカイシャ");
    }

    [Fact]
    public void Composition_is_never_required_by_NIST_and_long_passphrases_pass_untruncated()
    {
        var checker = new PasswordPolicyChecker(PasswordPolicy.Nist);

        checker.Check("correct horse battery staple").IsCompliant.Should().BeTrue();
        checker.Check(new string('k', 64) + " lorem").IsCompliant.Should().BeTrue("NIST: at least 64 characters are allowed");
        checker.Check(new string('k', 257)).Violations.Should().ContainSingle()
            .Which.Should().Be(new PasswordPolicyViolation(PasswordPolicyViolationCode.TooLong) { Limit = 256 });
    }

    [Fact]
    public void A_broker_policy_reports_each_missing_class_and_the_class_count()
    {
        var result = new PasswordPolicyChecker(Broker).Check("ABCDEFGHIJK");

        Codes(result).Should().Equal(PasswordPolicyViolationCode.MissingCharacterClass, PasswordPolicyViolationCode.TooFewCharacterClasses);
        result.Violations[0].MissingClasses.Should().Be(CharacterClasses.Lowercase | CharacterClasses.Digit);
        result.Violations[0].GetMessage(English).Should().Be("Add a lower-case letter, a digit.");
        result.Violations[0].GetMessage(Japanese).Should().Be("英小文字・数字を含めてください。");
        result.Violations[1].Limit.Should().Be(3);
    }

    [Fact]
    public void Full_width_letters_count_as_their_half_width_classes()
    {
        var result = new PasswordPolicyChecker(Broker).Check("ｓｅｃｕｒｉｔｉｅｓ９Ｘ");

        result.IsCompliant.Should().BeTrue(string.Join(",", Codes(result)));
    }

    [Fact]
    public void An_ascii_only_policy_refuses_kana_with_its_own_code()
    {
        var result = new PasswordPolicyChecker(Broker).Check("kabushiki9Xかぶ");

        Codes(result).Should().Equal(PasswordPolicyViolationCode.NonAsciiCharacter);
    }

    [Theory]
    [InlineData("line\nbreak in it!!")]
    [InlineData("tab\tinside the password")]
    public void Control_characters_are_refused(string password) =>
        Codes(new PasswordPolicyChecker(PasswordPolicy.Nist).Check(password)).Should().Contain(PasswordPolicyViolationCode.DisallowedCharacter);

    [Fact]
    public void Broken_UTF16_is_refused_not_thrown()
    {
        var password = "broken " + (char)0xD800 + " surrogate here" + (char)0xDC00;

        Codes(new PasswordPolicyChecker(PasswordPolicy.Nist).Check(password)).Should().Equal(PasswordPolicyViolationCode.DisallowedCharacter);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("PassWord")]
    [InlineData("ｐａｓｓｗｏｒｄ")]
    [InlineData("password123!")]
    [InlineData("2025sakura")]
    [InlineData("1qaz2wsx")]
    public void The_whole_password_is_checked_against_the_blocklist_ignoring_case_width_and_digit_affixes(string password) =>
        new PasswordPolicyChecker(PasswordPolicy.NistMultiFactor, Blocklist).Check(password)
            .Has(PasswordPolicyViolationCode.Blocklisted).Should().BeTrue();

    [Theory]
    [InlineData("my password is long")]
    [InlineData("sakura-mochi-tea")]
    [InlineData("p4ssword")]
    public void A_listed_word_inside_a_longer_password_is_not_a_blocklist_hit(string password) =>
        new PasswordPolicyChecker(PasswordPolicy.NistMultiFactor, Blocklist).Check(password)
            .Has(PasswordPolicyViolationCode.Blocklisted).Should().BeFalse();

    [Fact]
    public void The_blocklist_check_can_be_switched_off() =>
        new PasswordPolicyChecker(PasswordPolicy.NistMultiFactor with { CheckBlocklist = false }, Blocklist).Check("password")
            .IsCompliant.Should().BeTrue();

    [Theory]
    [InlineData("taro.yamada@example.jp")]
    [InlineData("TaroYamada")]
    [InlineData("yamadataro")]
    [InlineData("yamada1985")]
    [InlineData("adamay")]
    [InlineData("example-securities")]
    [InlineData("ｔａｒｏｙａｍａｄａ")]
    public void Context_words_and_their_derivatives_are_refused(string password)
    {
        var checker = new PasswordPolicyChecker(PasswordPolicy.NistMultiFactor, serviceWords: ["Example Securities"]);

        checker.Check(password, ["taro.yamada@example.jp", "山田 太郎"]).Has(PasswordPolicyViolationCode.ContextWord).Should().BeTrue();
    }

    [Fact]
    public void A_context_word_inside_a_longer_passphrase_is_allowed() =>
        new PasswordPolicyChecker(PasswordPolicy.NistMultiFactor).Check("yamada climbs fuji in july", ["yamada"])
            .IsCompliant.Should().BeTrue();

    [Fact]
    public void Every_violation_has_a_Japanese_and_an_English_message_and_reason()
    {
        foreach (var code in Enum.GetValues<PasswordPolicyViolationCode>())
        {
            var violation = new PasswordPolicyViolation(code) { Limit = 3, Actual = 1, MissingClasses = CharacterClasses.Symbol };
            violation.GetMessage(Japanese).Should().NotBe(violation.GetMessage(English)).And.NotBe(code.ToString());
            violation.GetReason(Japanese).Should().NotBe(violation.GetReason(English)).And.NotBe(code.ToString());
        }
    }

    [Fact]
    public void An_invalid_policy_is_refused_when_the_checker_is_built() =>
        FluentActions.Invoking(() => new PasswordPolicyChecker(new PasswordPolicy { Name = "x", MinimumLength = 0 }))
            .Should().Throw<ArgumentException>().WithMessage("Password policy 'x' is invalid: MinimumLength: must be at least 1 (was 0)*");

    [Fact]
    public void Any_string_gets_a_verdict_consistent_with_its_code_point_length() =>
        Gen.String.Sample(password =>
        {
            var result = new PasswordPolicyChecker(PasswordPolicy.Nist, Blocklist).Check(password, ["context"]);
            var length = password.Normalize(System.Text.NormalizationForm.FormKC).EnumerateRunes().Count();
            return result.Has(PasswordPolicyViolationCode.TooShort) == (length < 15) && result.PolicyName == "nist";
        }, iter: 2000);

    [Fact]
    public void Adding_a_required_class_never_turns_a_refusal_into_a_pass() =>
        Gen.Select(Gen.Char[' ', '~'].Array[0, 24].Select(c => new string(c)), Gen.Int[0, 15])
            .Sample((password, flags) =>
            {
                var loose = new PasswordPolicyChecker(new PasswordPolicy { MinimumLength = 4, RequiredClasses = (CharacterClasses)(flags & 7) });
                var strict = new PasswordPolicyChecker(new PasswordPolicy { MinimumLength = 4, RequiredClasses = (CharacterClasses)flags | CharacterClasses.Symbol });
                return loose.Check(password).IsCompliant || !strict.Check(password).IsCompliant;
            });

    [Theory]
    [InlineData("password")]
    [InlineData("ＰＡＳＳＷＯＲＤ")]
    [InlineData("1qaz2wsx")]
    [InlineData("sakura2025!")]
    public void By_default_the_embedded_common_passwords_are_the_blocklist(string password) =>
        new PasswordPolicyChecker(PasswordPolicy.NistMultiFactor).Check(password).Has(PasswordPolicyViolationCode.Blocklisted).Should().BeTrue();

    [Fact]
    public void The_embedded_list_can_be_cut_to_its_most_common_entries()
    {
        PasswordBlocklist.CommonPasswords(10).Contains("password").Should().BeTrue();
        PasswordBlocklist.CommonPasswords(10).Contains("sakura").Should().BeFalse();
        PasswordBlocklist.CommonPasswords().Contains("sakura").Should().BeTrue();
        FluentActions.Invoking(() => PasswordBlocklist.CommonPasswords(0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Combined_blocklists_refuse_what_any_of_them_holds()
    {
        var combined = PasswordBlocklist.Combine(PasswordBlocklist.CommonPasswords(10), PasswordBlocklist.From(["kabutocho"]));

        combined.Contains("password").Should().BeTrue();
        combined.Contains("kabutocho").Should().BeTrue();
        combined.Contains("kabutocho-2").Should().BeFalse();
    }

    [Fact]
    public void A_strength_floor_refuses_guessable_passwords_that_meet_every_rule()
    {
        var policy = PasswordPolicy.NistMultiFactor with { Name = "floor", MinimumScore = PasswordScore.Strong };
        var checker = new PasswordPolicyChecker(policy, PasswordBlocklist.Empty);

        var weak = checker.Check("aaaaaaaaaaaa");
        var strong = checker.Check("vq8-Lmz!e2Rt@x");

        weak.Violations.Should().ContainSingle().Which.Should().Be(
            new PasswordPolicyViolation(PasswordPolicyViolationCode.TooGuessable) { Limit = 3, Actual = (int)PasswordStrength.Estimate("aaaaaaaaaaaa").Score });
        strong.IsCompliant.Should().BeTrue();
    }

    [Fact]
    public void A_given_estimate_is_reused_and_none_skips_the_strength_floor()
    {
        var checker = new PasswordPolicyChecker(PasswordPolicy.NistMultiFactor with { MinimumScore = PasswordScore.VeryStrong }, PasswordBlocklist.Empty);

        checker.Check("aaaaaaaaaaaa", estimate: null).IsCompliant.Should().BeTrue();
        checker.Check("aaaaaaaaaaaa", PasswordStrength.Estimate("aaaaaaaaaaaa")).Has(PasswordPolicyViolationCode.TooGuessable).Should().BeTrue();
    }
}
