using System.Globalization;
using TakeoverRules.Links;

namespace TakeoverRules.Tests.Links;

public sealed class LinkCheckerTests
{
    private static readonly LinkChecker Checker = LinkChecker.Default;

    public static TheoryData<string> ConfirmedDomains()
    {
        var data = new TheoryData<string>();
        foreach (var d in LinkChecker.Default.OfficialDomains) data.Add(d);
        return data;
    }

    private static (string Label, string Suffix) Split(string domain)
    {
        var rd = PublicSuffixList.Embedded.RegistrableStart(domain);
        var suffix = PublicSuffixList.Embedded.SuffixStart(domain);
        return (domain[rd..(suffix - 1)], domain[suffix..]);
    }

    private static void ShouldBeLookalike(string link, string domain, LinkReasons reason)
    {
        var check = Checker.Check(link);
        check.Verdict.Should().Be(LinkVerdict.Lookalike, "{0} imitates {1}: {2}", link, domain, check);
        check.Reasons.Should().HaveFlag(reason, "{0}: {1}", link, check);
        check.Broker.Should().NotBeNull("{0} imitates {1}", link, domain);
        check.Broker!.Domains.Select(d => d.Name).Should().Contain(domain, "the broker named is the one whose domain {0} imitates", link);
    }

    [Theory]
    [MemberData(nameof(ConfirmedDomains))]
    public void A_confirmed_domain_its_subdomains_and_its_https_urls_are_official(string domain)
    {
        foreach (var link in new[] { domain, "www." + domain, $"https://member.{domain}/login?x=1", $"HTTPS://WWW.{domain.ToUpperInvariant()}:443/", $"https://www.{domain}./" })
        {
            var check = Checker.Check(link);
            check.Verdict.Should().Be(LinkVerdict.Official, link);
            check.Reasons.Should().HaveFlag(LinkReasons.OfficialDomain);
            check.Domain!.Confirmed.Should().BeTrue();
            check.Broker!.Domains.Should().Contain(check.Domain);
        }
    }

    [Theory]
    [MemberData(nameof(ConfirmedDomains))]
    public void The_domain_inside_a_subdomain_of_another_registrable_domain_is_a_lookalike(string domain)
    {
        ShouldBeLookalike($"{domain}.example.com", domain, LinkReasons.BrandInSubdomain);
        ShouldBeLookalike($"https://{domain}-login.example.net/", domain, LinkReasons.BrandInSubdomain);
        ShouldBeLookalike($"www-{domain.Replace('.', '-')}.example.org", domain, LinkReasons.BrandInSubdomain);
        ShouldBeLookalike($"https://{domain}-secure.com/login", domain, LinkReasons.BrandInSubdomain);
    }

    [Theory]
    [MemberData(nameof(ConfirmedDomains))]
    public void User_info_that_names_the_official_host_is_a_lookalike_of_the_real_host(string domain)
    {
        var check = Checker.Check($"https://www.{domain}@evil.example.com/login");
        check.Verdict.Should().Be(LinkVerdict.Lookalike);
        check.Reasons.Should().HaveFlag(LinkReasons.UserInfo);
        check.Host.Should().Be("evil.example.com");
        check.RegistrableDomain.Should().Be("example.com");
        check.ToString().Should().NotContain("@").And.NotContain(domain + "@");
    }

    [Theory]
    [MemberData(nameof(ConfirmedDomains))]
    public void Typo_squats_of_every_kind_are_lookalikes(string domain)
    {
        var (label, suffix) = Split(domain);
        var kinds = new Dictionary<string, string>
        {
            ["insertion"] = label.Insert(1, "x"),
            ["omission"] = label.Remove(1, 1),
            ["repetition"] = label.Insert(2, label[2].ToString()),
            ["transposition"] = string.Concat(label[1].ToString(), label[0].ToString(), label[2..]),
            ["keyboard"] = string.Concat(label.AsSpan(0, label.Length - 1), label[^1] == 'q' ? "w" : "q"),
            ["bit flip"] = string.Concat(label.AsSpan(0, 1), BitFlip(label[1]).ToString(), label.AsSpan(2)),
        };
        var vowel = label.IndexOfAny(['a', 'e', 'i', 'o', 'u']);
        kinds["vowel swap"] = string.Concat(label.AsSpan(0, vowel), label[vowel] == 'a' ? "e" : "a", label.AsSpan(vowel + 1));
        kinds["hyphenation"] = label.Contains('-', StringComparison.Ordinal) ? label.Replace("-", "", StringComparison.Ordinal) : label.Insert(2, "-");
        foreach (var typo in kinds.Values)
        {
            if (typo == label || typo.StartsWith('-')) continue;
            ShouldBeLookalike($"https://{typo}.{suffix}/", domain, LinkReasons.TypoSquat);
        }
    }

    [Theory]
    [MemberData(nameof(ConfirmedDomains))]
    public void Other_suffixes_and_brand_plus_words_are_lookalikes(string domain)
    {
        var (label, suffix) = Split(domain);
        foreach (var other in new[] { "com", "jp", "net", "co.jp", "info", "xyz" }.Where(s => s != suffix))
        {
            if (LinkChecker.Default.OfficialDomains.Contains($"{label}.{other}") || FactsDomain($"{label}.{other}")) continue;
            ShouldBeLookalike($"{label}.{other}", domain, LinkReasons.SuffixSwap);
        }

        ShouldBeLookalike($"{label}-login.com", domain, LinkReasons.BrandWithWords);
        ShouldBeLookalike($"https://{label}-security.net/", domain, LinkReasons.BrandWithWords);
        ShouldBeLookalike($"secure-{label}-account.xyz", domain, LinkReasons.BrandWithWords);
    }

    [Theory]
    [MemberData(nameof(ConfirmedDomains))]
    public void Ascii_homoglyphs_and_unicode_homographs_are_lookalikes(string domain)
    {
        var (label, suffix) = Split(domain);
        var o = label.IndexOf('o', StringComparison.Ordinal);
        var ascii = o >= 0 ? label.Remove(o, 1).Insert(o, "0")
            : label.Contains('m', StringComparison.Ordinal) ? label.Replace("m", "rn", StringComparison.Ordinal)
            : label.Contains('i', StringComparison.Ordinal) ? label.Replace('i', '1')
            : label.Replace('a', '4');
        ShouldBeLookalike($"{ascii}.{suffix}", domain, LinkReasons.Homoglyph);

        var latin = label.IndexOfAny(['a', 'e', 'o', 'c', 'i', 'u']);
        var cyrillic = label[latin] switch { 'a' => 'а', 'e' => 'е', 'o' => 'о', 'c' => 'с', 'u' => 'ս', _ => 'і' };
        var unicode = string.Concat(label.AsSpan(0, latin), cyrillic.ToString(), label.AsSpan(latin + 1));
        var punycode = new IdnMapping().GetAscii(unicode) + "." + suffix;
        foreach (var link in new[] { punycode, $"https://{unicode}.{suffix}/login" })
        {
            var check = Checker.Check(link);
            check.Verdict.Should().Be(LinkVerdict.Lookalike, link);
            check.Reasons.Should().HaveFlag(LinkReasons.Homograph).And.HaveFlag(LinkReasons.InternationalizedName).And.HaveFlag(LinkReasons.MixedScripts)
                .And.NotHaveFlag(LinkReasons.TypoSquat, "the skeleton is the official name itself");
            check.Host.Should().Be(punycode);
        }
    }

    [Theory]
    [MemberData(nameof(ConfirmedDomains))]
    public void Plain_http_to_a_login_page_of_an_official_domain_cannot_be_trusted(string domain)
    {
        var check = Checker.Check($"http://www.{domain}/login/");
        check.Verdict.Should().Be(LinkVerdict.Unknown);
        check.Reasons.Should().HaveFlag(LinkReasons.InsecureLogin).And.HaveFlag(LinkReasons.OfficialDomain);
        Checker.Check($"http://www.{domain}/news/").Verdict.Should().Be(LinkVerdict.Official);
        Checker.Check($"http://{domain}-login.com/account").Reasons.Should().HaveFlag(LinkReasons.InsecureLogin);
    }

    [Theory]
    [MemberData(nameof(ConfirmedDomains))]
    public void Percent_encoded_and_full_width_forms_of_the_official_host_are_read_as_a_browser_reads_them(string domain)
    {
        var encoded = Checker.Check($"https://%77ww.{domain}/");
        encoded.Verdict.Should().Be(LinkVerdict.Official);
        encoded.Reasons.Should().HaveFlag(LinkReasons.EncodedHost);
        var fullWidth = string.Concat(("www." + domain).Select(c => c == '.' ? '．' : (char)(c + 0xFEE0)));
        var wide = Checker.Check($"https://{fullWidth}/");
        wide.Verdict.Should().Be(LinkVerdict.Official);
        wide.Host.Should().Be("www." + domain);
        wide.Reasons.Should().HaveFlag(LinkReasons.EncodedHost);
        var phish = Checker.Check($"https://{domain}%2eexample%2ecom/");
        phish.Verdict.Should().Be(LinkVerdict.Lookalike);
        phish.Reasons.Should().HaveFlag(LinkReasons.EncodedHost);
    }

    [Theory]
    [InlineData("rakuten-sec.co.jp.example.com", "example.com", "rakuten")]
    [InlineData("sbisec.co.jp-login.example.net", "example.net", "sbi")]
    [InlineData("https://www.sbisec.co.jp@evil.example/", "evil.example", "sbi")]
    [InlineData("sbisec-login.com", "sbisec-login.com", "sbi")]
    [InlineData("rakuten-sec-security.net", "rakuten-sec-security.net", "rakuten")]
    [InlineData("nornura.co.jp", "nornura.co.jp", "nomura")]
    [InlineData("m0nex.co.jp", "m0nex.co.jp", "monex")]
    public void The_examples_of_the_issue_are_lookalikes(string link, string? registrable, string broker)
    {
        var check = Checker.Check(link);
        check.Verdict.Should().Be(LinkVerdict.Lookalike);
        check.Broker!.Id.Should().Be(broker);
        check.RegistrableDomain.Should().Be(registrable);
    }

    [Theory]
    [InlineData("rakuten.co.jp", "rakuten")]
    [InlineData("https://www.rakuten-bank.co.jp/", "rakuten")]
    [InlineData("mufg.jp", "mumss")]
    [InlineData("sbigroup.co.jp", "sbi")]
    [InlineData("mizuhobank.co.jp", "mizuho")]
    public void Group_sites_are_related_not_official_and_not_lookalikes(string link, string broker)
    {
        var check = Checker.Check(link);
        check.Verdict.Should().Be(LinkVerdict.Related);
        check.Reasons.Should().HaveFlag(LinkReasons.SharesGroupName);
        check.Broker!.Id.Should().Be(broker);
    }

    [Fact]
    public void A_domain_listed_but_not_confirmed_is_unknown_and_says_so()
    {
        var check = Checker.Check("https://www.daiwa.co.jp/");
        check.Verdict.Should().Be(LinkVerdict.Unknown);
        check.Reasons.Should().HaveFlag(LinkReasons.UnconfirmedDomain);
        check.Domain!.Confirmed.Should().BeFalse();
        check.Broker!.Id.Should().Be("daiwa");
    }

    [Fact]
    public void Brokers_without_a_confirmed_domain_are_listed_and_never_official()
    {
        Checker.BrokersWithoutConfirmedDomain.Select(b => b.Id).Should().BeEquivalentTo("tachibana", "ig");
        Checker.OfficialDomains.Should().OnlyContain(d => TakeoverRules.Facts.FactsRegistry.Embedded.Brokers.Any(b => b.Domains.Any(x => x.Name == d && x.Confirmed)));
    }

    [Theory]
    [InlineData("http://192.0.2.1/login", LinkReasons.IpAddress)]
    [InlineData("http://3221225985/", LinkReasons.EncodedHost)]
    [InlineData("http://0xC0.0x00.0x02.0x01/", LinkReasons.EncodedHost)]
    [InlineData("https://[2001:db8::1]/", LinkReasons.IpAddress)]
    [InlineData("mailto:info@sbisec.co.jp", LinkReasons.NotAWebAddress)]
    [InlineData("javascript:alert(1)", LinkReasons.NotAWebAddress)]
    [InlineData("", LinkReasons.NotAWebAddress)]
    [InlineData("https://exa mple.com/", LinkReasons.NotAWebAddress)]
    [InlineData("co.jp", LinkReasons.NoRegistrableDomain)]
    [InlineData("localhost", LinkReasons.NoRegistrableDomain)]
    public void Ip_addresses_other_schemes_and_hosts_without_a_registrable_domain_are_unknown(string link, LinkReasons reason)
    {
        var check = Checker.Check(link);
        check.Verdict.Should().Be(LinkVerdict.Unknown);
        check.Reasons.Should().HaveFlag(reason);
    }

    [Fact]
    public void An_ip_host_behind_user_info_that_names_a_broker_is_a_lookalike()
    {
        var check = Checker.Check("https://www.sbisec.co.jp:pass@203.0.113.7/");
        check.Verdict.Should().Be(LinkVerdict.Lookalike);
        check.Reasons.Should().HaveFlag(LinkReasons.IpAddress).And.HaveFlag(LinkReasons.UserInfo);
        check.ToString().Should().NotContain("pass");
    }

    [Theory]
    [InlineData("https://www.example.co.jp/", "www.example.co.jp", "example.co.jp")]
    [InlineData("www.city.kawasaki.jp", "www.city.kawasaki.jp", "city.kawasaki.jp")]
    [InlineData("a.b.kawasaki.jp", "a.b.kawasaki.jp", "a.b.kawasaki.jp")]
    [InlineData("user.github.io", "user.github.io", "user.github.io")]
    public void Unrelated_hosts_report_their_registrable_domain_by_the_public_suffix_list(string link, string host, string registrable)
    {
        var check = Checker.Check(link);
        check.Verdict.Should().Be(LinkVerdict.Unrelated);
        check.Host.Should().Be(host);
        check.RegistrableDomain.Should().Be(registrable);
    }

    [Fact]
    public void Advice_and_reasons_have_japanese_and_english_texts()
    {
        foreach (var verdict in Enum.GetValues<LinkVerdict>())
        {
            var advice = new LinkCheck(verdict, LinkReasons.None, null, null, null, 0, 0, -1, 0, 0).Advice;
            advice.Ja.Should().NotBeNullOrWhiteSpace();
            advice.En.Should().NotBeNullOrWhiteSpace().And.NotBe(advice.Ja);
        }

        foreach (var reason in Enum.GetValues<LinkReasons>().Where(r => r != LinkReasons.None))
        {
            var text = LinkChecker.Describe(reason);
            text.Ja.Should().NotBe("理由なし", reason.ToString());
            text.En.Should().NotBeNullOrWhiteSpace();
        }

        Checker.Check("sbisec-login.com").Advice.In(CultureInfo.GetCultureInfo("ja")).Should().Contain("ブックマーク");
        Checker.Check("sbisec-login.com").ReasonList().Should().Equal(LinkReasons.BrandWithWords);
    }

    private static char BitFlip(char c)
    {
        for (var bit = 0; ; bit++)
        {
            var flipped = (char)(c ^ (1 << bit));
            if (char.IsAsciiLetterLower(flipped)) return flipped;
        }
    }

    private static bool FactsDomain(string name) =>
        TakeoverRules.Facts.FactsRegistry.Embedded.Brokers.Any(b => b.Domains.Any(d => d.Name == name));
}
