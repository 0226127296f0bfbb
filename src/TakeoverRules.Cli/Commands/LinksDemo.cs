using TakeoverRules.Links;

namespace TakeoverRules.Cli.Commands;

/// <summary>The demo's links section: a phishing SMS scanned offline, each link judged against the confirmed domains.</summary>
internal static class LinksDemo
{
    public static void Write(TextWriter o)
    {
        var checker = LinkChecker.Default;
        o.WriteLine($"== Links: official site or look-alike ({checker.OfficialDomains.Count} confirmed official domains from the facts) ==");
        const string sms = "【SBI証券】お取引を制限しました。本人確認: https://www.sbisec.co.jp@sbisec-login.com/ "
            + "または ｒａｋｕｔｅｎ－ｓｅｃ．ｃｏ．ｊｐ．ｅｘａｍｐｌｅ．ｃｏｍ／login、xn--nmura-rce.co.jp、"
            + "楽天銀行 rakuten-bank.co.jp、公式 https://www.monex.co.jp/";
        o.WriteLine("SMS: " + sms);
        foreach (var check in checker.Scan(sms))
        {
            var broker = check.Broker is { } b ? $" ({b.Name.En})" : "";
            o.WriteLine($"  {check.Verdict,-9} {check.Host}{broker}: {string.Join(", ", check.ReasonList())}");
        }

        o.WriteLine("  advice: " + checker.Check("sbisec-login.com").Advice.En);
        o.WriteLine($"  no confirmed domain, so never 'official': {string.Join(", ", checker.BrokersWithoutConfirmedDomain.Select(b => b.Name.En))}");
        o.WriteLine();
    }
}
