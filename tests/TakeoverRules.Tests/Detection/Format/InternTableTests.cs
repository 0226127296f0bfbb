using System.Text;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Tests.Detection.Format;

/// <summary>The parser's table of recurring values: one string per value, bounded, and only for values it can compare cheaply.</summary>
public sealed class InternTableTests
{
    [Fact]
    public void A_repeated_value_comes_back_as_the_same_string()
    {
        var table = new InternTable(capacity: 16);

        var first = table.Get("TSE:7203"u8);
        var second = table.Get("TSE:7203"u8);

        first.Should().Be("TSE:7203");
        second.Should().BeSameAs(first);
    }

    [Fact]
    public void A_full_table_starts_over_and_still_returns_the_right_values()
    {
        var table = new InternTable(capacity: 4);
        var first = table.Get("A"u8);
        foreach (var value in new[] { "B", "C", "D", "E" })
        {
            table.Get(Encoding.ASCII.GetBytes(value)).Should().Be(value);
        }

        var again = table.Get("A"u8);

        again.Should().Be("A");
        again.Should().NotBeSameAs(first, "the table was cleared when it held its capacity");
    }

    [Fact]
    public void Values_that_are_not_short_ascii_are_left_to_the_caller()
    {
        var table = new InternTable(capacity: 16);

        table.Get(Encoding.UTF8.GetBytes("東証:7203")).Should().BeNull();
        table.Get(Encoding.ASCII.GetBytes(new string('A', InternTable.MaxLength + 1))).Should().BeNull();
    }
}
