using System.Text.Json;

namespace TakeoverRules.Cli.Tests.Commands;

public sealed class LinkCommandTests
{
    private static List<JsonElement> Parse(CliRun run) => [.. run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public void Stdin_gives_exactly_one_JSON_object_per_line_with_verdict_broker_host_registrable_domain_and_reasons()
    {
        var input = "https://www.sbisec.co.jp/ETGate\nsbisec-login.com\r\nrakuten.co.jp\nexample.org\n\n"
            + "【楽天証券】本人確認のお願い https://rakuten-sec.co.jp.example.com/login 公式 www.rakuten-sec.co.jp\nお知らせです\n";

        var run = Cli.RunWithInput(input, "link", "--stdin", "--format", "json");

        var results = Parse(run);
        results.Should().HaveCount(7, "stderr was: {0}", run.Stderr);
        results.Select(r => r.GetProperty("line").GetInt32()).Should().Equal(1, 2, 3, 4, 5, 6, 7);
        results.Select(r => r.GetProperty("verdict").GetString()).Should().Equal("official", "lookalike", "related", "unrelated", "unknown", "lookalike", "unknown");
        results[0].GetProperty("broker").GetString().Should().Be("sbi");
        results[0].GetProperty("host").GetString().Should().Be("www.sbisec.co.jp");
        results[0].GetProperty("registrableDomain").GetString().Should().Be("sbisec.co.jp");
        results[1].GetProperty("reasons")[0].GetProperty("code").GetString().Should().Be("BrandWithWords");
        results[3].GetProperty("broker").ValueKind.Should().Be(JsonValueKind.Null);
        results[5].GetProperty("registrableDomain").GetString().Should().Be("example.com");
        results[5].GetProperty("links").GetArrayLength().Should().Be(2);
        results[6].GetProperty("reasons")[0].GetProperty("code").GetString().Should().Be("NoLinkFound");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void The_exit_code_is_0_without_lookalikes_and_1_with_one()
    {
        Cli.Run("link", "https://www.rakuten-sec.co.jp/", "mufg.jp").ExitCode.Should().Be(0);
        Cli.Run("link", "https://www.rakuten-sec.co.jp/", "rakuten-sec.com").ExitCode.Should().Be(1);
    }

    [Fact]
    public void Text_output_names_the_verdict_broker_reasons_and_advice_in_the_chosen_language()
    {
        var run = Cli.Run("link", "https://www.sbisec.co.jp@evil.example.com/", "--lang", "ja");

        run.Stdout.Should().Contain("LOOKALIKE").And.Contain("evil.example.com").And.Contain("SBI証券").And.Contain("ブックマーク");
        Cli.Run("link", "nornura.co.jp").Stdout.Should().Contain("Nomura").And.Contain("bookmark");
    }

    [Fact]
    public void User_info_and_query_of_a_link_are_never_printed()
    {
        var run = Cli.Run("link", "https://taro:s3cret-pass@sbisec-login.com/login?token=abc123", "--format", "json");

        run.Stdout.Should().NotContain("s3cret").And.NotContain("abc123").And.NotContain("taro");
    }

    [Fact]
    public void No_links_or_links_and_stdin_together_are_usage_errors()
    {
        Cli.Run("link").ExitCode.Should().Be(2);
        Cli.RunWithInput("x.com\n", "link", "--stdin", "example.com").ExitCode.Should().Be(2);
        Cli.Run("link", "--help").ExitCode.Should().Be(0);
    }
}
