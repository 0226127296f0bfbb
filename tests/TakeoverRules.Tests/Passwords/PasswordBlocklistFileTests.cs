using System.Text;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

public sealed class PasswordBlocklistFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("blocklist-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_directory, "list.txt");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void A_text_list_with_comments_blank_lines_CRLF_a_BOM_and_tabs_loads_its_entries()
    {
        var path = Write([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("# broker words\r\nkabutorihiki\r\n\r\nＳＥＣＵＲＥ\tpass\nみずほ証券")]);

        var list = PasswordBlocklist.FromFile(path);

        list.Count.Should().Be(3);
        list.Contains("kabutorihiki").Should().BeTrue();
        list.Contains("secure\tpass").Should().BeTrue("entries are NFKC-normalised and folded");
        list.Contains("みずほ証券").Should().BeTrue();
    }

    [Fact]
    public void Random_bytes_are_refused_as_not_a_text_list_instead_of_loading_as_entries()
    {
        var random = new Random(1530);
        var bytes = new byte[64 * 1024];
        random.NextBytes(bytes);

        var refused = FluentActions.Invoking(() => PasswordBlocklist.FromFile(Write(bytes))).Should().Throw<InvalidDataException>().Which;
        refused.Message.Should().StartWith(Path.Combine(_directory, "list.txt") + ":").And.MatchRegex("(not valid UTF-8|binary data)");
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x62, 0x0A, 0x63, 0xFF, 0x64 }, "list.txt:2: not valid UTF-8 (first bad byte at column 2).")]
    [InlineData(new byte[] { 0x61, 0x0A, 0x0A, 0x62, 0x00, 0x63 }, "list.txt:3: binary data (control byte 0x00 at column 2); expected a UTF-8 text list.")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02 }, "list.txt:1: binary data (control byte 0x7F at column 1); expected a UTF-8 text list.")]
    public void The_first_bad_line_is_named_with_its_reason(byte[] bytes, string message) =>
        FluentActions.Invoking(() => PasswordBlocklist.FromFile(Write(bytes))).Should().Throw<InvalidDataException>().Which.Message.Should().EndWith(message);

    [Fact]
    public void A_line_longer_than_the_entry_limit_without_a_newline_is_refused_without_reading_the_rest()
    {
        var path = Write(Encoding.UTF8.GetBytes(new string('a', 100_000)));

        FluentActions.Invoking(() => PasswordBlocklist.FromFile(path)).Should().Throw<InvalidDataException>()
            .Which.Message.Should().EndWith("list.txt:1: line is longer than 1024 characters.");
    }

    [Fact]
    public async Task Dev_zero_is_refused_at_once_instead_of_reading_forever()
    {
        if (!File.Exists("/dev/zero")) return;

        var read = Task.Run(() => PasswordBlocklist.FromFile("/dev/zero"), TestContext.Current.CancellationToken);
        (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken))).Should().BeSameAs(read, "reading must stop at the first NUL byte");
        (await FluentActions.Awaiting(() => read).Should().ThrowAsync<InvalidDataException>())
            .Which.Message.Should().Be("/dev/zero:1: binary data (control byte 0x00 at column 1); expected a UTF-8 text list.");
    }

    [Fact]
    public void A_directory_is_refused_as_a_directory() =>
        FluentActions.Invoking(() => PasswordBlocklist.FromFile(_directory)).Should().Throw<IOException>().Which.Message.Should().Contain("is a directory");
}
