using System.Text;
using CsCheck;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Tests.Detection.Format;

public sealed class Utf8LineReaderTests
{
    [Theory]
    [InlineData("a\nb\nc")]
    [InlineData("a\r\nb\r\nc")]
    [InlineData("a\rb\rc")]
    [InlineData("a\rb\r\nc\n")]
    public void Lf_crlf_and_cr_only_endings_all_end_a_line(string text)
    {
        Lines(text, chunk: int.MaxValue).Should().Equal("a", "b", "c");
    }

    [Fact]
    public void A_crlf_split_across_reads_is_one_line_break_not_an_empty_line()
    {
        Lines("a\r\n\r\nb\r", chunk: 1).Should().Equal("a", "", "b");
    }

    [Fact]
    public void A_too_long_line_ending_in_crlf_is_skipped_whole_and_the_next_line_keeps_its_number()
    {
        var text = new string('x', 100) + "\r\nnext\rlast";
        using var reader = new Utf8LineReader(new ChunkedStream(Encoding.UTF8.GetBytes(text), 7), maxLineBytes: 16, leaveOpen: false);

        reader.TryReadLine(out _, out var tooLong).Should().BeTrue();
        tooLong.Should().BeTrue();
        reader.TryReadLine(out var next, out _).Should().BeTrue();
        Encoding.UTF8.GetString(next).Should().Be("next");
        reader.LineNumber.Should().Be(2);
        reader.TryReadLine(out var last, out _).Should().BeTrue();
        Encoding.UTF8.GetString(last).Should().Be("last");
        reader.TryReadLine(out _, out _).Should().BeFalse();
    }

    [Fact]
    public void Any_text_splits_into_the_same_lines_whatever_the_read_sizes()
    {
        Gen.Select(Gen.String[Gen.Char["ab\r\n"], 0, 40], Gen.Int[1, 9]).Sample((text, chunk) =>
        {
            var expected = text.ReplaceLineEndings("\n").Split('\n');
            if (expected[^1].Length == 0) expected = expected[..^1];
            Lines(text, chunk).Should().Equal(expected);
        });
    }

    private static List<string> Lines(string text, int chunk)
    {
        using var reader = new Utf8LineReader(new ChunkedStream(Encoding.UTF8.GetBytes(text), chunk), maxLineBytes: 1024, leaveOpen: false);
        var lines = new List<string>();
        while (reader.TryReadLine(out var line, out _))
        {
            lines.Add(Encoding.UTF8.GetString(line));
        }

        return lines;
    }

    /// <summary>Returns at most <c>chunk</c> bytes per read, as a pipe does.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }
}
