using CsCheck;
using TakeoverRules.Links;

namespace TakeoverRules.Tests.Links;

public sealed class LinkScanTests
{
    private static readonly LinkChecker Checker = LinkChecker.Default;

    [Fact]
    public void Every_link_in_a_phishing_sms_is_found_with_its_position_including_full_width_and_schemeless_ones()
    {
        const string sms = "【SBI証券】お客様の口座が制限されました。至急ご確認ください https://sbisec-login.com/verify?id=1 "
            + "または ｈｔｔｐｓ：／／ｗｗｗ．ｓｂｉｓｅｃ．ｃｏ．ｊｐ／ からログイン。詳細はrakuten-sec.co.jp.example.com/loginへ。"
            + "公式: www.rakuten-sec.co.jp。お問い合わせ info@sbisec.co.jp";

        var checks = Checker.Scan(sms);

        checks.Select(c => c.Host).Should().Equal("sbisec-login.com", "www.sbisec.co.jp", "rakuten-sec.co.jp.example.com", "www.rakuten-sec.co.jp");
        checks.Select(c => c.Verdict).Should().Equal(LinkVerdict.Lookalike, LinkVerdict.Official, LinkVerdict.Lookalike, LinkVerdict.Official);
        checks[1].Reasons.Should().HaveFlag(LinkReasons.EncodedHost, "the link was written in full-width characters");
        checks[0].Reasons.Should().NotHaveFlag(LinkReasons.EncodedHost);
        sms.Substring(checks[0].Start, checks[0].Length).Should().Be("https://sbisec-login.com/verify?id=1");
        sms.Substring(checks[1].Start, checks[1].Length).Should().Be("ｈｔｔｐｓ：／／ｗｗｗ．ｓｂｉｓｅｃ．ｃｏ．ｊｐ／");
        sms.Substring(checks[2].Start, checks[2].Length).Should().Be("rakuten-sec.co.jp.example.com/login");
        sms.Substring(checks[3].Start, checks[3].Length).Should().Be("www.rakuten-sec.co.jp");
    }

    [Fact]
    public void A_link_glued_to_japanese_text_ends_where_the_japanese_starts_and_a_scheme_after_text_starts_the_link()
    {
        var checks = Checker.Scan("こちらhttps://sbisec.co.jpからログイン URL:https://nomura-login.net/a");
        checks.Select(c => c.Host).Should().Equal("sbisec.co.jp", "nomura-login.net");
    }

    [Fact]
    public void An_internationalised_host_after_a_scheme_is_read_in_full()
    {
        var checks = Checker.Scan("ログイン: https://楽天証券-login.com/ へ");
        checks.Should().ContainSingle().Which.Verdict.Should().Be(LinkVerdict.Lookalike);
    }

    [Fact]
    public void Text_without_links_email_addresses_and_file_names_yield_nothing()
    {
        Checker.Scan("ご不明点は info@sbisec.co.jp まで。version 1.2.3 report.txt").Should().BeEmpty();
        Checker.Scan(null).Should().BeEmpty();
        Checker.Scan("").Should().BeEmpty();
    }

    [Fact]
    public void Check_and_scan_never_throw_on_any_string()
    {
        var alphabet = Gen.OneOf(
            Gen.Char,
            Gen.Char['a', 'z'],
            Pick(".-/:@%[]\\?#．。ｈао楽\uD800\uDC00 xn".ToCharArray()));
        var text = Gen.OneOf(
            alphabet.Array[0, 120].Select(a => new string(a)),
            Pick("https://", "http://", "xn--", "www.", "sbisec", ".co.jp", "@", "%2e", "xn--80ak6aa92e", "0x7f.1", "[::1]", "ｈｔｔｐｓ：／／", "。").Array[0, 12].Select(string.Concat));
        text.Sample(s =>
        {
            var check = Checker.Check(s);
            _ = check.Host;
            _ = check.RegistrableDomain;
            _ = check.ToString();
            foreach (var c in Checker.Scan(s))
            {
                c.Start.Should().BeInRange(0, s.Length);
                (c.Start + c.Length).Should().BeLessThanOrEqualTo(s.Length);
                _ = c.Host;
            }
        }, iter: 20_000);
    }

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    [Fact]
    public void Very_long_input_is_bounded_too_long_links_are_not_read_and_a_huge_message_yields_at_most_the_cap()
    {
        var longLink = "https://" + new string('a', LinkChecker.MaxLinkLength) + ".com/";
        Checker.Check(longLink).Reasons.Should().HaveFlag(LinkReasons.TooLong);
        var longLabel = Checker.Check("https://" + new string('a', 70) + ".com/");
        longLabel.Verdict.Should().Be(LinkVerdict.Unknown);

        var message = string.Concat(Enumerable.Repeat("sbisec-login.com ", 5_000));
        Checker.Scan(message).Should().HaveCount(LinkChecker.MaxLinksPerText);
        var dots = new string('.', 1_000_000);
        Checker.Scan(dots).Should().BeEmpty();
        Checker.Check(new string('@', 10_000)).Verdict.Should().Be(LinkVerdict.Unknown);
    }
}
