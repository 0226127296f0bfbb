namespace TakeoverRules.Cli.Tests.Commands;

public sealed class LinksDemoTests
{
    [Fact]
    public void The_demo_scans_a_phishing_sms_and_tells_official_related_and_lookalike_links_apart()
    {
        var run = Cli.Run("demo");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("== Links")
            .And.Contain("Lookalike sbisec-login.com (SBI Securities)")
            .And.Contain("Lookalike rakuten-sec.co.jp.example.com")
            .And.Contain("Lookalike xn--nmura-rce.co.jp (Nomura Securities)")
            .And.Contain("Related   rakuten-bank.co.jp")
            .And.Contain("Official  www.monex.co.jp");
    }
}
