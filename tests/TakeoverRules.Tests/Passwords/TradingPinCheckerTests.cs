using System.Globalization;
using CsCheck;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

public sealed class TradingPinCheckerTests
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData("1234", TradingPinWeakness.Common)]
    [InlineData("1342", TradingPinWeakness.Common)]
    [InlineData("6969", TradingPinWeakness.Common)]
    [InlineData("7373", TradingPinWeakness.RepeatedDigits)]
    [InlineData("3344", TradingPinWeakness.RepeatedDigits)]
    [InlineData("3443", TradingPinWeakness.RepeatedDigits)]
    [InlineData("5678", TradingPinWeakness.Sequence)]
    [InlineData("7890", TradingPinWeakness.Sequence)]
    [InlineData("6543", TradingPinWeakness.Sequence)]
    [InlineData("1357", TradingPinWeakness.Sequence)]
    [InlineData("8642", TradingPinWeakness.Sequence)]
    [InlineData("2580", TradingPinWeakness.KeypadPattern)]
    [InlineData("0852", TradingPinWeakness.KeypadPattern)]
    [InlineData("1478", TradingPinWeakness.KeypadPattern)]
    [InlineData("7412", TradingPinWeakness.KeypadPattern)]
    [InlineData("9713", TradingPinWeakness.KeypadPattern)]
    [InlineData("4862", TradingPinWeakness.KeypadPattern)]
    [InlineData("0125", TradingPinWeakness.KeypadPattern)]
    [InlineData("1225", TradingPinWeakness.Date)]
    [InlineData("0229", TradingPinWeakness.Date)]
    [InlineData("1995", TradingPinWeakness.Year)]
    [InlineData("2031", TradingPinWeakness.Year)]
    public void Guessable_pins_are_refused_with_the_weakness_that_explains_them(string pin, TradingPinWeakness weakness)
    {
        var result = TradingPinChecker.Check(pin);

        result.IsAcceptable.Should().BeFalse();
        result.Has(weakness).Should().BeTrue("{0} should be {1}, found {2}", pin, weakness, string.Join(",", result.Findings.Select(f => f.Weakness)));
    }

    [Theory]
    [InlineData("2740")]
    [InlineData("8361")]
    [InlineData("5093")]
    [InlineData("3817")]
    public void Pins_without_a_known_pattern_are_acceptable(string pin) =>
        TradingPinChecker.Check(pin).IsAcceptable.Should().BeTrue();

    [Fact]
    public void Common_pins_report_their_rank_in_the_published_list()
    {
        TradingPinChecker.Check("1234").CommonRank.Should().Be(1);
        TradingPinChecker.Check("6666").CommonRank.Should().Be(20);
        TradingPinChecker.Check("2740").CommonRank.Should().BeNull();
    }

    [Theory]
    [InlineData("123")]
    [InlineData("12345")]
    [InlineData("12a4")]
    [InlineData("")]
    [InlineData(" 274")]
    [InlineData("٢٧٤٠")]
    public void Anything_but_four_ascii_digits_is_an_invalid_format(string pin) =>
        TradingPinChecker.Check(pin).Findings.Select(f => f.Weakness).Should().Equal(TradingPinWeakness.InvalidFormat);

    [Fact]
    public void Full_width_digits_typed_with_the_IME_on_are_judged_as_half_width()
    {
        TradingPinChecker.Check("２７４０").IsAcceptable.Should().BeTrue();
        TradingPinChecker.Check("１２３４").Has(TradingPinWeakness.Common).Should().BeTrue();
    }

    [Theory]
    [InlineData("0721")]
    [InlineData("2107")]
    [InlineData("1985")]
    [InlineData("8507")]
    [InlineData("0785")]
    [InlineData("6007")]
    public void A_pin_taken_from_the_birth_date_is_refused_in_any_order_or_era_notation(string pin)
    {
        // 1985-07-21 is 昭和60年7月21日.
        var context = new TradingPinContext { BirthDate = new DateOnly(1985, 7, 21) };

        TradingPinChecker.Check(pin, context).Has(TradingPinWeakness.BirthDate).Should().BeTrue();
    }

    [Theory]
    [InlineData(1989, 1, 7, "6401")]
    [InlineData(1989, 1, 8, "0101")]
    [InlineData(2019, 4, 30, "3104")]
    [InlineData(2019, 5, 1, "0105")]
    public void Japanese_era_years_switch_on_the_day_the_era_began(int year, int month, int day, string pin) =>
        TradingPinChecker.Check(pin, new TradingPinContext { BirthDate = new DateOnly(year, month, day) })
            .Has(TradingPinWeakness.BirthDate).Should().BeTrue();

    [Fact]
    public void A_pin_copied_from_the_login_password_is_refused_even_when_typed_full_width()
    {
        var context = new TradingPinContext { LoginPassword = "sakura２７４０!" };

        TradingPinChecker.Check("2740", context).Has(TradingPinWeakness.PartOfLoginPassword).Should().BeTrue();
        TradingPinChecker.Check("8361", context).IsAcceptable.Should().BeTrue();
    }

    [Fact]
    public void A_pin_taken_from_the_phone_or_account_number_is_refused()
    {
        var context = new TradingPinContext { OtherNumbers = ["090-2740-8361", "口座 5093817"] };

        TradingPinChecker.Check("8361", context).Has(TradingPinWeakness.ContextNumber).Should().BeTrue();
        TradingPinChecker.Check("9381", context).Has(TradingPinWeakness.ContextNumber).Should().BeTrue();
        TradingPinChecker.Check("3817", new TradingPinContext()).IsAcceptable.Should().BeTrue();
    }

    [Fact]
    public void The_refused_share_of_all_codes_is_small_enough_to_leave_a_real_choice() =>
        // Pinned to an independent count (a separate script over all codes): 1,343 refused, 8,657 left to choose from.
        TradingPinChecker.RefusedCodeCount.Should().Be(1343);

    [Fact]
    public void Every_four_digit_code_gets_a_verdict_whose_text_never_contains_the_pin() =>
        Gen.Int[0, 9999].Sample(n =>
        {
            var pin = n.ToString("D4", CultureInfo.InvariantCulture);
            var result = TradingPinChecker.Check(pin, new TradingPinContext { LoginPassword = "x" + pin, BirthDate = new DateOnly(1990, 1, 2) });
            return result.Has(TradingPinWeakness.PartOfLoginPassword)
                && !result.Has(TradingPinWeakness.InvalidFormat)
                && !result.ToString().Contains(pin, StringComparison.Ordinal)
                && result.Findings.All(f => !f.GetMessage(English).Contains(pin, StringComparison.Ordinal) || IsExample(pin))
                && result.Findings.All(f => f.GetReason(Japanese).Length > 0);
        });

    [Fact]
    public void Any_string_gets_a_verdict_without_throwing() =>
        Gen.String.Sample(s => TradingPinChecker.Check(s).Findings.Count >= 0);

    [Fact]
    public void Messages_and_reasons_exist_in_Japanese_and_English_for_every_weakness()
    {
        foreach (var weakness in Enum.GetValues<TradingPinWeakness>())
        {
            var finding = new TradingPinFinding(weakness);
            finding.GetMessage(Japanese).Should().NotBe(finding.GetMessage(English)).And.NotBe(weakness.ToString());
            finding.GetReason(Japanese).Should().NotBe(finding.GetReason(English)).And.NotBe(weakness.ToString());
        }
    }

    [Fact]
    public void The_context_does_not_reveal_its_secrets_in_ToString() =>
        new TradingPinContext { LoginPassword = "hunter2secret", OtherNumbers = ["09012345678"] }.ToString().Should().Be("TradingPinContext");

    // The English messages quote a few example codes ("such as 2580"); those examples may coincide with the PIN.
    private static bool IsExample(string pin) => pin is "1111" or "1212" or "1122" or "1234" or "9876" or "2468" or "2580" or "1397" or "0101" or "1225" or "1985" or "2004";
}
