using System.Text.Json;

namespace TakeoverRules.Cli.Tests.Commands;

public sealed class RespondCommandTests
{
    [Fact]
    public void The_default_output_is_a_markdown_checklist_that_starts_with_the_broker()
    {
        var run = Cli.Run("respond", "--broker", "rakuten");

        run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
        run.StdoutLines[0].Should().Be("# Securities-account takeover: response checklist");
        run.Stdout.Should().Contain("- [ ] **1. Call the broker and stop the account** (now) `contact-broker`").And.Contain("rakuten-sec.co.jp");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public void Text_in_japanese_is_a_short_chat_message_with_the_confirmed_numbers()
    {
        var run = Cli.Run("respond", "--format", "text", "--lang", "ja", "--password-reused", "no", "--large-loss", "no");

        run.ExitCode.Should().Be(0);
        run.StdoutLines.Should().HaveCount(11);
        run.StdoutLines[1].Should().Be("1. [今すぐ] 証券会社に連絡して口座を止める(公式サイト・アプリで番号を確認)");
        run.Stdout.Should().Contain("☎ #9110 / 110").And.NotContain("使い回したパスワード").And.NotContain("弁護士");
    }

    [Fact]
    public void Broker_noticed_withdrawal_seen_and_a_saturday_night_discovery_shape_the_json_plan()
    {
        var run = Cli.Run("respond", "--noticed-by", "broker", "--withdrawal-seen", "--trading-stopped", "--discovered", "2025-05-03T23:10", "--format", "json");

        run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        root.GetProperty("context").GetProperty("noticedBy").GetString().Should().Be("Broker");
        root.GetProperty("context").GetProperty("discoveredAt").GetString().Should().Be("2025-05-03T23:10:00+09:00");
        root.GetProperty("steps")[1].GetProperty("id").GetString().Should().Be("check-withdrawal-account");
        root.GetProperty("notes").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public void An_unknown_broker_is_a_usage_error_listing_the_known_ids()
    {
        var run = Cli.Run("respond", "--broker", "no-such-broker");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().StartWith("error: --broker: unknown broker; known ids: ").And.Contain("sbi").And.Contain("(was no-such-broker)");
    }

    [Theory]
    [InlineData("--discovered", "yesterday", "error: --discovered: not an ISO 8601 date and time (was yesterday)")]
    [InlineData("--noticed-by", "neighbour", "neighbour")]
    [InlineData("--format", "html", "html")]
    public void Bad_option_values_are_usage_errors_naming_the_value(string option, string value, string expected)
    {
        var run = Cli.Run("respond", option, value);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(expected);
    }

    [Fact]
    public void A_progress_file_resumes_the_plan_ticks_done_steps_and_names_what_is_missing()
    {
        var planner = new TakeoverRules.Response.ResponsePlanner(TakeoverRules.Facts.FactsRegistry.Embedded);
        var tracker = TakeoverRules.Response.ResponseTracker.Start(planner.Create(new TakeoverRules.Response.IncidentContext { BrokerId = "matsui" }))
            .MarkDone("contact-broker").MarkDone("report-police");
        var file = Path.Combine(Path.GetTempPath(), $"progress-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, tracker.ToJson());
        try
        {
            var md = Cli.Run("respond", "--progress", file);
            md.ExitCode.Should().Be(0, "stderr was: {0}", md.Stderr);
            md.Stdout.Should().Contain("Broker: ").And.Contain("- [x] **1. ").And.Contain("## Still missing");

            var text = Cli.Run("respond", "--progress", file, "--format", "text");
            text.StdoutLines.Should().Contain("Next: 2. Change the login password and trading PIN").And.Contain("Missing: police-receipt-number");

            var clash = Cli.Run("respond", "--progress", file, "--broker", "sbi");
            clash.ExitCode.Should().Be(2);
            clash.Stderr.Should().Contain("--progress and --broker");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_broken_progress_file_lists_every_problem_with_its_path()
    {
        var file = Path.Combine(Path.GetTempPath(), $"progress-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"version":1,"context":{},"done":[{"stepId":"x"},{"stepId":"y"}]}""");
        try
        {
            var run = Cli.Run("respond", "--progress", file);

            run.ExitCode.Should().Be(2);
            run.Stdout.Should().BeEmpty();
            run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
                $"error: --progress {file}: $.done[0].stepId: the plan has no such step (was x)",
                $"error: --progress {file}: $.done[1].stepId: the plan has no such step (was y)");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Help_describes_every_option() =>
        Cli.Run("respond", "--help").Stdout.Should().Contain("--broker").And.Contain("--noticed-by").And.Contain("--withdrawal-seen")
            .And.Contain("--lang").And.Contain("--format").And.Contain("--discovered");
}
