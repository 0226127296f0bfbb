using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using TakeoverRules.Facts;
using TakeoverRules.Prevention;

namespace TakeoverRules.Tests.Prevention;

public sealed class ProblemMapTests
{
    private static readonly ProblemMap Map = ProblemMap.Default;

    [Fact]
    public void Every_kind_has_nodes_and_ids_are_unique()
    {
        Map.Nodes.Select(n => n.Kind).Distinct().Should().BeEquivalentTo(Enum.GetValues<ProblemNodeKind>());
        Map.Nodes.Select(n => n.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Every_edge_joins_existing_nodes_and_every_node_is_connected()
    {
        var ids = Map.Nodes.Select(n => n.Id).ToHashSet();

        Map.Edges.Should().OnlyContain(e => ids.Contains(e.From) && ids.Contains(e.To));
        Map.Nodes.Should().OnlyContain(n => Map.Edges.Any(e => e.From == n.Id || e.To == n.Id));
    }

    [Fact]
    public void Countermeasures_only_mitigate_and_actors_only_implement_or_are_affected()
    {
        var kind = Map.Nodes.ToDictionary(n => n.Id, n => n.Kind);

        Map.Edges.Where(e => e.Relation == ProblemRelation.Mitigates).Should().OnlyContain(e => kind[e.From] == ProblemNodeKind.Countermeasure);
        Map.Edges.Where(e => kind[e.From] == ProblemNodeKind.Actor)
            .Should().OnlyContain(e => e.Relation == ProblemRelation.Implements || e.Relation == ProblemRelation.AffectedBy);
    }

    [Fact]
    public void Every_fact_a_node_names_exists_and_claims_about_the_world_name_one()
    {
        Map.Nodes.SelectMany(n => n.FactIds).Should().OnlyContain(id => FactsRegistry.Embedded.FindFact(id) != null);
        Map.Nodes.Where(n => n.Kind is ProblemNodeKind.Result or ProblemNodeKind.Issue or ProblemNodeKind.Countermeasure)
            .Should().OnlyContain(n => n.FactIds.Count > 0);
    }

    [Theory]
    [InlineData("ja", "証券口座乗っ取り", "原因")]
    [InlineData("en", "Securities-account takeovers", "Causes")]
    public void The_mindmap_has_a_root_a_branch_per_kind_and_a_leaf_per_node(string language, string root, string firstBranch)
    {
        var lines = Map.ToMermaidMindmap(CultureInfo.GetCultureInfo(language)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines[0].Should().Be("mindmap");
        lines[1].Should().Be($"  root(({root}))");
        lines[2].Should().Be($"    cause[{firstBranch}]");
        lines.Count(l => l.StartsWith("    ") && !l.StartsWith("      ")).Should().Be(5);
        lines.Count(l => l.StartsWith("      ")).Should().Be(Map.Nodes.Count);
    }

    [Fact]
    public void Node_text_cannot_break_the_mermaid_syntax()
    {
        foreach (var language in new[] { "ja", "en" })
        {
            var leaves = Map.ToMermaidMindmap(CultureInfo.GetCultureInfo(language)).Split('\n').Where(l => l.StartsWith("      "));
            foreach (var leaf in leaves)
            {
                var text = leaf.Trim();
                var open = text.IndexOf('[');
                text[^1].Should().Be(']');
                text[(open + 1)..^1].Should().NotContainAny("[", "]", "(", ")", "{", "}", "\"");
            }
        }
    }

    [Fact]
    public void Any_label_and_id_stay_inside_their_node_and_the_mindmap_keeps_its_lines()
    {
        HostileText.Gen.Sample(text =>
        {
            var map = new ProblemMap([new ProblemNode(text, ProblemNodeKind.Cause, new(text, text), [])], []);

            var lines = map.ToMermaidMindmap(CultureInfo.GetCultureInfo("en")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

            lines.Should().HaveCount(4, "the text was {0}", JsonSerializer.Serialize(text));
            var leaf = Regex.Match(lines[3], @"^      ([A-Za-z][A-Za-z0-9_]*)\[([^\[\](){}""`<>|]*)\]$");
            leaf.Success.Should().BeTrue("the leaf is one id and one bracketed label (was {0})", lines[3]);
            leaf.Groups[2].Value.Should().NotContainAny("\r", "\u2028", "\u2029", "\u0085", "-)", "(-").And.NotMatchRegex(@"[#&]\w+;");
            HostileText.Narrow(leaf.Groups[2].Value).Should().Be(HostileText.Narrow(PlainText.OneLine(text)), "nothing of the label is dropped");
        });
    }
}
