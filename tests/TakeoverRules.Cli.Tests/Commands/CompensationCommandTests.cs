using System.Text.Json;

namespace TakeoverRules.Cli.Tests.Commands;

public sealed class CompensationCommandTests
{
    private static readonly string[] RakutenCase =
        ["compensation", "--broker", "rakuten", "--incident-date", "2025-04-30", "--sold", "10,000,000", "--bought", "10000000", "--current-value", "4000000", "--fees", "50000"];

    [Fact]
    public void Rakuten_case_prints_the_in_principle_amount_its_parts_sources_and_the_disclaimer()
    {
        var run = Cli.Run(RakutenCase);

        run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
        run.Stdout.Should().Contain("Estimate: ¥3,060,000 (in principle)")
            .And.Contain("¥3,000,000").And.Contain("¥50,000").And.Contain("¥10,000")
            .And.Contain("https://news.mixi.jp/view_news.pl?id=8407152&media_id=4")
            .And.Contain("not legal advice");
    }

    [Fact]
    public void Json_output_carries_the_range_and_policy()
    {
        var run = Cli.Run([.. RakutenCase, "--format", "json", "--as-of", "2025-06-01"]);

        run.ExitCode.Should().Be(0);
        using var doc = JsonDocument.Parse(run.Stdout);
        doc.RootElement.GetProperty("policy").GetProperty("id").GetString().Should().Be("rakuten.2025-05-02");
        var estimate = doc.RootElement.GetProperty("estimate");
        estimate.GetProperty("low").GetDecimal().Should().Be(0);
        estimate.GetProperty("high").GetDecimal().Should().Be(6_050_000m);
        estimate.GetProperty("certainty").GetString().Should().Be("CaseByCase");
    }

    [Fact]
    public void Before_the_agreement_sbi_had_no_known_policy()
    {
        var run = Cli.Run("compensation", "--broker", "sbi", "--incident-date", "2025-04-01", "--sold", "100", "--bought", "100", "--current-value", "10", "--as-of", "2025-04-20");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("Policy: none known").And.Contain("Estimate: none");
    }

    [Fact]
    public void Circumstances_appear_as_conditions_in_japanese()
    {
        var run = Cli.Run([.. RakutenCase, "--phishing", "yes", "--mfa", "off", "--police-report", "no", "--reported-after-hours", "12", "--margin", "--lang", "ja"]);

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("フィッシングサイト").And.Contain("多要素認証").And.Contain("12時間後").And.Contain("信用取引").And.Contain("法的助言ではありません");
    }

    [Fact]
    public void Markdown_output_starts_with_a_heading_and_the_disclaimer()
    {
        var run = Cli.Run([.. RakutenCase, "--format", "md"]);

        run.StdoutLines[0].Should().StartWith("# Compensation outlook: Rakuten Securities");
        run.Stdout.Should().Contain("> This is not legal advice.");
    }

    [Theory]
    [InlineData("--sold", "-5", "--sold: must be a non-negative whole number of yen (was '-5')")]
    [InlineData("--incident-date", "yesterday", "--incident-date: must be a date yyyy-MM-dd (was 'yesterday')")]
    [InlineData("--mfa", "maybe", "maybe")]
    [InlineData("--reported-after-hours", "-1", "--reported-after-hours: must be between 0 and 87600 (was -1)")]
    public void Bad_input_is_a_usage_error_naming_the_option_and_value(string option, string value, string message)
    {
        var args = RakutenCase.ToList();
        var index = args.IndexOf(option);
        if (index >= 0) args[index + 1] = value;
        else args.AddRange([option, value]);

        var run = Cli.Run([.. args]);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(message);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_broker_is_a_usage_error()
    {
        var run = Cli.Run("compensation", "--broker", "nosuch", "--incident-date", "2025-04-30");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("'nosuch' is not in the facts data");
    }

    [Fact]
    public void A_current_value_alone_counts_as_stocks_bought()
    {
        var run = Cli.Run("compensation", "--broker", "sbi", "--incident-date", "2025-04-30", "--current-value", "100");

        run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
    }

    [Fact]
    public void Help_lists_the_amount_and_circumstance_options() =>
        Cli.Run("compensation", "--help").Stdout.Should().Contain("--incident-date").And.Contain("--sold").And.Contain("--phishing").And.Contain("--as-of");

    [Fact]
    public void Missing_required_options_are_usage_errors() =>
        Cli.Run("compensation", "--broker", "rakuten").ExitCode.Should().Be(2);

    [Fact]
    public void Demo_shows_how_the_answer_changed_over_2025()
    {
        var run = Cli.Run("demo");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("== Facts and compensation")
            .And.Contain("known on 2025-04-25: Terms before the policy change")
            .And.Contain("known on 2025-06-01")
            .And.Contain("¥1,090,000");
    }
}
