using System.Globalization;
using CsCheck;
using TakeoverRules.Detection;
using TakeoverRules.Passwords;
using TakeoverRules.Prevention;

namespace TakeoverRules.Tests.Prevention;

public sealed class SecurityPostureTests
{
    internal static readonly SecurityPostureInput Ideal = new()
    {
        Mfa = AuthMethod.Passkey,
        PasswordScore = 4,
        PasswordReuse = PasswordReuse.Unique,
        Notifications = NotificationCoverage.LoginsTradesAndWithdrawals,
        Access = AccessRoute.BookmarkOrOfficialApp,
        AccountChecks = AccountCheckHabit.Daily,
        TradingPin = TradingPinStrength.Strong,
    };

    internal static readonly SecurityPostureInput SingleWeakFactor = Ideal with { Mfa = AuthMethod.Password };

    [Fact]
    public void The_ideal_answers_score_100_with_no_actions()
    {
        var posture = SecurityPosture.Assess(Ideal);

        posture.Overall.Should().Be(100);
        posture.Factors.Should().OnlyContain(f => f.Score == PostureFactorScore.MaxScore);
        posture.NextActions.Should().BeEmpty();
    }

    [Fact]
    public void The_default_answers_assume_the_weakest_state()
    {
        var posture = SecurityPosture.Assess(new SecurityPostureInput());

        posture.Overall.Should().BeLessThan(10);
        posture.NextActions.Should().HaveCount(7);
    }

    [Fact]
    public void Sms_codes_score_below_a_passkey_because_they_can_be_relayed()
    {
        var sms = SecurityPosture.Assess(Ideal with { Mfa = AuthMethod.Sms });

        sms.Factors.Single(f => f.Factor == PostureFactor.Mfa).Score.Should().Be(1);
        sms.Overall.Should().Be(78, "MFA weighs 30 and SMS is 1 of 4: 100 - 30 * 3/4 = 77.5, rounded away from zero");
        sms.NextActions.Should().ContainSingle().Which.Action.En.Should().Contain("passkey");
    }

    [Fact]
    public void The_most_valuable_action_comes_first()
    {
        var posture = SecurityPosture.Assess(SecurityPostureInput.TypicalCustomer);

        posture.NextActions.Select(a => a.Factor).Should().Equal(
            PostureFactor.Mfa,            // 30 * 3/4 = 22.5
            PostureFactor.PasswordReuse,  // 15 * 4/4 = 15
            PostureFactor.AccessRoute,    // 15 * 4/4 = 15
            PostureFactor.PasswordStrength, // 15 * 2/4 = 7.5
            PostureFactor.TradingPin,     // 10 * 3/4 = 7.5
            PostureFactor.Notifications,  // 10 * 2/4 = 5
            PostureFactor.AccountChecks); // 5 * 3/4 = 3.75
        posture.NextActions.Select(a => a.Gain).Should().BeInDescendingOrder();
        posture.NextActions[0].Gain.Should().Be(23);
    }

    [Fact]
    public void A_broker_without_a_trading_pin_leaves_the_factor_out_and_reweights()
    {
        var posture = SecurityPosture.Assess(Ideal with { TradingPin = TradingPinStrength.NotUsedByBroker, Mfa = AuthMethod.Password });

        posture.Factors.Select(f => f.Factor).Should().NotContain(PostureFactor.TradingPin);
        posture.Overall.Should().Be(67, "MFA weighs 30 of the remaining 90: 100 * 60/90");
    }

    [Fact]
    public void Every_factor_has_a_label_finding_and_advice_in_both_languages()
    {
        var posture = SecurityPosture.Assess(new SecurityPostureInput());

        foreach (var factor in posture.Factors)
        {
            factor.Label.Ja.Should().NotBeNullOrWhiteSpace().And.NotBe(factor.Label.En);
            factor.Finding.Ja.Should().NotBeNullOrWhiteSpace();
            factor.Finding.En.Should().NotBeNullOrWhiteSpace();
        }

        posture.NextActions.Should().OnlyContain(a => a.Action.Ja.Length > 0 && a.Action.En.Length > 0 && a.Why.Ja.Length > 0 && a.Why.En.Length > 0);
    }

    [Fact]
    public void The_password_estimators_score_feeds_the_password_factor()
    {
        var weak = SecurityPosture.Assess(Ideal, PasswordStrength.Estimate("password1"));
        var strong = SecurityPosture.Assess(Ideal, PasswordStrength.Estimate("correct-horse-battery-staple-蒼い月-7Qx"));

        weak.Factors.Single(f => f.Factor == PostureFactor.PasswordStrength).Score.Should().Be(0);
        strong.Factors.Single(f => f.Factor == PostureFactor.PasswordStrength).Score.Should().Be(4);
        weak.NextActions.Should().ContainSingle().Which.Factor.Should().Be(PostureFactor.PasswordStrength);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void A_password_score_outside_0_to_4_is_rejected_naming_the_field(int score)
    {
        var act = () => SecurityPosture.Assess(Ideal with { PasswordScore = score });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage($"*PasswordScore*was {score}*");
    }

    [Fact]
    public void An_undefined_enum_value_is_rejected_naming_the_field()
    {
        var act = () => SecurityPosture.Assess(Ideal with { Access = (AccessRoute)42 });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Access*42*");
    }

    [Fact]
    public void Improving_any_single_answer_never_lowers_the_overall_score()
    {
        var inputs = Gen.Select(
            Gen.Enum<AuthMethod>(), Gen.Int[0, 4], Gen.Enum<PasswordReuse>(), Gen.Enum<NotificationCoverage>(),
            Gen.Enum<AccessRoute>(), Gen.Enum<AccountCheckHabit>(), Gen.Enum<TradingPinStrength>().Where(p => p != TradingPinStrength.NotUsedByBroker))
            .Select((mfa, pw, reuse, note, access, checks, pin) => new SecurityPostureInput
            {
                Mfa = mfa, PasswordScore = pw, PasswordReuse = reuse, Notifications = note, Access = access, AccountChecks = checks, TradingPin = pin,
            });

        inputs.Sample(input =>
        {
            var before = SecurityPosture.Assess(input).Overall;
            SecurityPosture.Assess(input with { Mfa = AuthMethod.Passkey }).Overall.Should().BeGreaterThanOrEqualTo(before);
            SecurityPosture.Assess(input with { PasswordScore = 4 }).Overall.Should().BeGreaterThanOrEqualTo(before);
            SecurityPosture.Assess(input with { Access = AccessRoute.BookmarkOrOfficialApp }).Overall.Should().BeGreaterThanOrEqualTo(before);
            SecurityPosture.Assess(input).Overall.Should().BeInRange(0, 100);
        });
    }

    [Fact]
    public void Any_factor_or_action_text_leaves_the_markdown_table_and_action_list_as_they_were()
    {
        var posture = SecurityPosture.Assess(SecurityPostureInput.TypicalCustomer);
        SecurityPosture Planted(string text) => new(
            [.. posture.Factors.Select(f => f with { Label = new(text, text), Finding = new(text, text) })],
            posture.Overall,
            [.. posture.NextActions.Select(a => a with { Action = new(text, text), Why = new(text, text) })]);
        var benign = MarkdownShape.Of(Planted("x").ToMarkdown(CultureInfo.GetCultureInfo("en")));

        HostileText.Gen.Sample(text =>
        {
            var markdown = Planted(text).ToMarkdown(CultureInfo.GetCultureInfo("en"));

            MarkdownShape.Of(markdown).Should().Equal(benign, "the text was {0}", System.Text.Json.JsonSerializer.Serialize(text));
            MarkdownShape.Texts(markdown).Count(t => t == PlainText.OneLine(text).Trim(' ')).Should().Be(posture.Factors.Count * 2);
        });
    }
}
