using System.Text;
using CsCheck;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

public sealed class PwnedPasswordsHashFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pwned-file-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Writes a sorted hash file of random hashes plus the given passwords' hashes.</summary>
    private string WriteFile(IEnumerable<(string Hash, long? Count)> known, int randomLines, string newline = "\r\n", bool lowerCase = false, string prefix = "", string suffix = "")
    {
        var random = new Random(11);
        var lines = new SortedDictionary<string, long?>(StringComparer.Ordinal);
        for (var i = 0; i < randomLines; i++)
        {
            var bytes = new byte[20];
            random.NextBytes(bytes);
            lines[Convert.ToHexString(bytes)] = random.Next(1, 100_000);
        }

        foreach (var (hash, count) in known) lines[hash] = count;
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".txt");
        var text = new StringBuilder(prefix);
        var first = true;
        foreach (var (hash, count) in lines)
        {
            if (!first) text.Append(newline);
            first = false;
            text.Append(lowerCase ? hash.ToLowerInvariant() : hash);
            if (count is { } c) text.Append(':').Append(c);
        }

        text.Append(suffix);
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }

    [Theory]
    [InlineData("\r\n", false)]
    [InlineData("\n", false)]
    [InlineData("\r\n", true)]
    public void Breached_passwords_are_found_with_their_count_and_others_are_not(string newline, bool lowerCase)
    {
        var path = WriteFile([(PwnedTestHashes.Sha1Hex("password"), 52_256_179), (PwnedTestHashes.Sha1Hex("sakura"), 123_456)], 20_000, newline, lowerCase);
        using var file = PwnedPasswordsHashFile.Open(path);

        file.Check("password").Should().Be(BreachCheckResult.Found(52_256_179));
        file.Check("sakura").Count.Should().Be(123_456);
        file.Check("ｓａｋｕｒａ").Count.Should().Be(123_456, "full-width input is NFKC-normalised before hashing");
        file.Check("not in the file at all 93ks").Should().Be(BreachCheckResult.NotFound);
    }

    [Fact]
    public void The_first_and_last_lines_are_found_and_hashes_beyond_either_end_are_not()
    {
        var path = WriteFile([("0000000000000000000000000000000000000001", 7), ("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFE", 9)], 1000, suffix: "\r\n\r\n");
        using var file = PwnedPasswordsHashFile.Open(path);

        file.CheckHash("0000000000000000000000000000000000000001"u8).Count.Should().Be(7);
        file.CheckHash("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFE"u8).Count.Should().Be(9);
        file.CheckHash("0000000000000000000000000000000000000000"u8).Status.Should().Be(BreachStatus.NotFound);
        file.CheckHash("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"u8).Status.Should().Be(BreachStatus.NotFound);
    }

    [Fact]
    public void Hash_only_lines_are_found_without_a_count_and_a_byte_order_mark_is_skipped()
    {
        var path = WriteFile([(PwnedTestHashes.Sha1Hex("password"), null)], 50, prefix: "\uFEFF");
        using var file = PwnedPasswordsHashFile.Open(path);

        var result = file.Check("password");

        result.Status.Should().Be(BreachStatus.Found);
        result.Count.Should().BeNull();
    }

    [Fact]
    public void A_single_line_file_is_searched()
    {
        var path = WriteFile([(PwnedTestHashes.Sha1Hex("password"), 3)], 0);
        using var file = PwnedPasswordsHashFile.Open(path);

        file.Check("password").Count.Should().Be(3);
        file.Check("Password").Status.Should().Be(BreachStatus.NotFound);
    }

    [Fact]
    public void Lookups_agree_with_an_in_memory_set_for_random_files() =>
        Gen.Select(Gen.Byte.Array[20].Array[1, 2000], Gen.Byte.Array[20].Array[1, 30], Gen.Bool)
            .Sample((present, probes, crlf) =>
            {
                var known = present.Select(b => (Convert.ToHexString(b), (long?)(b[0] + 1))).DistinctBy(k => k.Item1).ToList();
                var path = WriteFile(known, 0, crlf ? "\r\n" : "\n");
                using var file = PwnedPasswordsHashFile.Open(path);
                var expected = known.ToDictionary(k => k.Item1, k => k.Item2);
                foreach (var hash in known.Select(k => k.Item1).Concat(probes.Select(Convert.ToHexString)))
                {
                    var result = file.CheckHash(Encoding.ASCII.GetBytes(hash));
                    if (expected.TryGetValue(hash, out var count))
                    {
                        if (result.Status != BreachStatus.Found || result.Count != count) return false;
                    }
                    else if (result.Status != BreachStatus.NotFound) return false;
                }

                return true;
            }, iter: 40);

    [Fact]
    public void A_malformed_line_met_during_the_search_is_unavailable_naming_its_byte_offset()
    {
        var lines = Enumerable.Range(0, 101).Select(i => i == 50 ? "this line is not a hash" : $"{i:D40}:1");
        var path = Path.Combine(_directory, "broken.txt");
        File.WriteAllText(path, string.Join("\n", lines));
        using var file = PwnedPasswordsHashFile.Open(path);

        var result = file.CheckHash(Encoding.ASCII.GetBytes($"{50:D40}"));

        result.Failure.Should().Be(BreachCheckFailure.MalformedData);
        result.Detail.Should().StartWith("byte offset ");
    }

    [Fact]
    public void An_overlong_line_met_during_the_search_is_unavailable_not_a_hang()
    {
        var lines = Enumerable.Range(0, 2001).Select(i => i == 1000 ? new string('F', 300) : $"{i:D40}:1");
        var path = Path.Combine(_directory, "overlong.txt");
        File.WriteAllText(path, string.Join("\r\n", lines));
        using var file = PwnedPasswordsHashFile.Open(path);

        var result = file.CheckHash(Encoding.ASCII.GetBytes($"{1000:D40}"));

        result.Failure.Should().Be(BreachCheckFailure.MalformedData);
        result.Detail.Should().MatchRegex("^byte offset [0-9]+: (no line break|line longer)");
    }

    [Fact]
    public void Opening_an_NTLM_file_fails_naming_the_file_and_the_reason()
    {
        var path = Path.Combine(_directory, "ntlm.txt");
        File.WriteAllText(path, "8846F7EAEE8FB117AD06BDD830B7586C:1\r\n");

        FluentActions.Invoking(() => PwnedPasswordsHashFile.Open(path))
            .Should().Throw<InvalidDataException>().WithMessage($"{path}: line 1 has a 32-hex-digit hash; this is an NTLM file*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("password123\n")]
    public void Opening_an_empty_or_non_hash_file_fails(string content)
    {
        var path = Path.Combine(_directory, "bad.txt");
        File.WriteAllText(path, content);

        FluentActions.Invoking(() => PwnedPasswordsHashFile.Open(path)).Should().Throw<InvalidDataException>().WithMessage($"{path}: *");
    }

    [Fact]
    public void Opening_a_missing_file_throws_file_not_found() =>
        FluentActions.Invoking(() => PwnedPasswordsHashFile.Open(Path.Combine(_directory, "missing.txt"))).Should().Throw<FileNotFoundException>();

    [Fact]
    public async Task The_async_check_gives_the_same_answer_and_honours_cancellation()
    {
        var path = WriteFile([(PwnedTestHashes.Sha1Hex("password"), 3)], 10);
        using var file = PwnedPasswordsHashFile.Open(path);

        (await file.CheckAsync("password", TestContext.Current.CancellationToken)).Count.Should().Be(3);
        await FluentActions.Awaiting(async () => await file.CheckAsync("password", new CancellationToken(canceled: true)))
            .Should().ThrowAsync<OperationCanceledException>();
    }
}
