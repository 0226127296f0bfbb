using System.Globalization;
using System.Text.Json;
using TakeoverRules.Facts;

namespace TakeoverRules.Cli.Tests.Commands;

public sealed class FactsCommandTests
{
    [Fact]
    public void Contacts_list_the_confirmed_numbers_with_their_sources()
    {
        var run = Cli.Run("facts", "--topic", "contacts");

        run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
        run.Stdout.Should().Contain("#9110").And.Contain("188").And.Contain("0570-016811").And.Contain("0120-64-5005")
            .And.Contain("https://www.npa.go.jp/cyber/soudan.htm");
        run.Stdout.Should().NotContain("Statistics");
    }

    [Fact]
    public void As_of_a_date_before_the_agreement_shows_the_statements_of_the_time_and_no_agreement()
    {
        var run = Cli.Run("facts", "--as-of", "2025-04-30", "--topic", "policies");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("Morita").And.Contain("Terms before the policy change");
        run.Stdout.Should().NotContain("ten-firm agreement");
    }

    [Fact]
    public void Json_output_is_valid_and_carries_sources_and_grades()
    {
        var run = Cli.Run("facts", "--topic", "stats", "--format", "json");

        run.ExitCode.Should().Be(0);
        using var doc = JsonDocument.Parse(run.Stdout);
        var facts = doc.RootElement.GetProperty("facts");
        facts.GetArrayLength().Should().BeGreaterThan(50);
        facts.EnumerateArray().Should().OnlyContain(f => f.GetProperty("sources").GetArrayLength() > 0);
        doc.RootElement.GetProperty("conflicts").EnumerateArray().Select(c => c.GetProperty("key").GetString())
            .Should().Contain("fsa-stats/2025-04/fraudulentTrades");
    }

    [Fact]
    public void Markdown_for_a_broker_shows_its_policies_in_a_table()
    {
        var run = Cli.Run("facts", "--broker", "sbi-neotrade", "--format", "md");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("| Policy | Brokers |").And.Contain("sbi-neotrade").And.Contain("2026-01-10");
    }

    [Fact]
    public void Facts_and_facts_for_a_broker_list_the_same_policies_of_that_broker_on_every_date_of_the_data()
    {
        var registry = FactsRegistry.Embedded;
        var dates = registry.Facts.Select(f => f.KnownFrom).Concat(registry.Policies.SelectMany(p => new[] { p.KnownFrom, p.AsOf.Date }))
            .Where(d => d != DateOnly.MinValue).SelectMany(d => new[] { d.AddDays(-1), d }).Append(registry.Date)
            .Distinct().Order().ToList();
        static List<(string Id, string[] Brokers)> Policies(params string[] args)
        {
            var run = Cli.Run(["facts", "--topic", "policies", "--format", "json", .. args]);
            run.ExitCode.Should().Be(0, run.Stderr);
            using var doc = JsonDocument.Parse(run.Stdout);
            return [.. doc.RootElement.GetProperty("policies").EnumerateArray()
                .Select(p => (p.GetProperty("id").GetString()!, p.GetProperty("brokers").EnumerateArray().Select(b => b.GetString()!).ToArray()))];
        }

        dates.Should().HaveCountGreaterThan(20);
        var checkedBefore = false;
        foreach (var date in dates)
        {
            var asOf = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var all = Policies("--as-of", asOf);
            foreach (var broker in registry.Brokers)
            {
                var expected = all.Where(p => p.Brokers.Contains(broker.Id)).Select(p => p.Id);
                Policies("--as-of", asOf, "--broker", broker.Id).Select(p => p.Id).Should().Equal(expected, $"--broker {broker.Id} --as-of {asOf}");
            }

            checkedBefore |= registry.Policies.Any(p => p.AsOfBasis == AsOfBasis.Before && date >= p.AsOf.Date);
        }

        checkedBefore.Should().BeTrue("some date is on or after a policy that held only before it, where the two paths used to disagree");
    }

    [Fact]
    public void Japanese_output_uses_the_japanese_wording()
    {
        var run = Cli.Run("facts", "--topic", "laws", "--lang", "ja");

        run.Stdout.Should().Contain("平成17年法律第94号");
    }

    [Fact]
    public void An_unknown_broker_is_a_usage_error_listing_the_known_ids()
    {
        var run = Cli.Run("facts", "--broker", "nosuch");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("unknown broker 'nosuch'").And.Contain("rakuten");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public void A_bad_date_is_a_usage_error_naming_the_option_and_value()
    {
        var run = Cli.Run("facts", "--as-of", "2025-13-01");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--as-of: must be a date yyyy-MM-dd (was '2025-13-01')");
    }

    [Fact]
    public void A_broken_facts_file_is_reported_with_paths_and_nothing_is_printed()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
        File.WriteAllText(path, """{ "schema": 1, "version": "v", "date": "2027-01-01", "contacts": [ { "id": "x", "kind": "nope" } ] }""");
        try
        {
            var run = Cli.Run("facts", "--facts-file", path, "--allow-unsigned-facts");

            run.ExitCode.Should().Be(2);
            run.Stderr.Should().Contain("$.contacts[0].kind").And.Contain("was 'nope'");
            run.Stdout.Should().BeEmpty();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Help_describes_every_option() =>
        Cli.Run("facts", "--help").Stdout.Should().Contain("--as-of").And.Contain("--broker").And.Contain("--topic").And.Contain("--format");

    // Issue 13 item 5: an update plants an attacker's number, URL and HTML in the FSA counselling line and a fact.
    private const string Planted = "金融庁 相談室 <script>alert(1)</script> [今すぐ電話](https://evil.example/call)\n| 050-0000-0000 | 24時間 |\n# 至急";

    [Fact]
    public void A_planted_contact_and_fact_reach_facts_md_only_as_text_and_the_table_keeps_its_rows_and_columns()
    {
        var path = PlantedUpdate(Planted);
        try
        {
            var run = Cli.Run("facts", "--format", "md", "--facts-file", path, "--allow-unsigned-facts");

            run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
            run.Stderr.Should().Contain("changes a contact point");
            var lines = run.Stdout.Split('\n');
            var contacts = lines.SkipWhile(l => l != "## Where victims go").Skip(2).TakeWhile(l => l.StartsWith('|')).ToList();
            contacts.Should().HaveCount(FactsRegistry.Embedded.Contacts.Count + 2, "a header, a delimiter and one row per contact");
            contacts.Should().OnlyContain(row => Cells(row) == 5);
            lines.Where(l => l.StartsWith('#')).Should().OnlyContain(l => l.StartsWith("# Facts known on") || l.StartsWith("## "));
            lines.Should().ContainSingle(l => l.Contains(@"\[今すぐ電話\](https\://evil.example/call) \| 050-0000-0000 \| 24時間 \| # 至急", StringComparison.Ordinal) && l.StartsWith("- **2026-12-20** "));
            run.Stdout.Should().NotContain("<script>").And.NotContain("](https://evil").And.NotContain("https://evil")
                .And.Contain("(https://fsa-help.example/a_%28b%29)");
        }
        finally
        {
            File.Delete(path);
        }
    }

    // An unsigned update whose FSA counselling contact, one fact and its source carry text.
    private static string PlantedUpdate(string planted)
    {
        var text = JsonSerializer.Serialize(planted);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
        File.WriteAllText(path, $$"""
            { "schema": 1, "version": "2027.01.01", "date": "2027-01-01",
              "sources": [ { "id": "planted", "title": "t", "publisher": {{text}}, "url": "https://fsa-help.example/a_(b)", "published": "2026-12-20", "grade": "primary" } ],
              "facts": [ { "id": "planted.fact", "topic": "statistics", "key": "planted", "statement": { "ja": {{text}}, "en": {{text}} },
                "asOf": "2026-12-20", "basis": "published", "sources": ["planted"], "grade": "primary" } ],
              "contacts": [
                { "id": "fsa-counselling", "kind": "regulator", "organisation": { "ja": {{text}}, "en": {{text}} }, "phone": "050-0000-0000",
                  "url": "https://fsa-help.example/", "hours": { "ja": {{text}}, "en": {{text}} }, "purpose": { "ja": "相談", "en": "Consultation" },
                  "sources": ["planted"], "asOf": "2026-12-20", "basis": "published", "grade": "primary" } ] }
            """);
        return path;
    }

    [Fact]
    public void A_planted_contact_and_fact_add_no_line_or_control_sequence_to_the_text_output()
    {
        var planted = PlantedUpdate(Planted + "\u001b]8;;https://evil.example\u001b\\\u2028  [2026-12-20] 050-0000-0000");
        var benign = PlantedUpdate("x");
        try
        {
            var run = Cli.Run("facts", "--facts-file", planted, "--allow-unsigned-facts");
            var expected = Cli.Run("facts", "--facts-file", benign, "--allow-unsigned-facts");

            run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
            run.Stdout.Split('\n').Should().HaveCount(expected.Stdout.Split('\n').Length);
            (run.Stdout + run.Stderr).Should().NotContain("\u001b").And.NotContain("\u2028").And.NotContain("\r");
            run.Stderr.Split('\n').Should().HaveCount(expected.Stderr.Split('\n').Length);
        }
        finally
        {
            File.Delete(planted);
            File.Delete(benign);
        }
    }

    // The cells of a table row: the pipes a backslash does not escape, less the outer two.
    private static int Cells(string row)
    {
        var pipes = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\') i++;
            else if (row[i] == '|') pipes++;
        }

        return pipes - 1;
    }
}
