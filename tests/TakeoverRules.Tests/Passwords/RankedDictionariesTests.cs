using TakeoverRules.Passwords;
using TakeoverRules.Passwords.Matching;

namespace TakeoverRules.Tests.Passwords;

/// <summary>
/// The embedded data is used as stored (no validation pass at load, to keep the first estimate fast), so these tests
/// walk all of it once: the lookups are only correct if the words are sorted and every table agrees with the blob.
/// </summary>
public sealed class RankedDictionariesTests
{
    private static readonly RankedDictionaries Data = RankedDictionaries.Instance;

    [Fact]
    public void Every_word_is_printable_ascii_of_2_to_32_characters_and_sorts_strictly_after_the_previous_one()
    {
        Data.WordCount.Should().BeGreaterThan(170_000);
        var previous = "";
        for (var w = 0; w < Data.WordCount; w++)
        {
            var word = WordAt(w);
            if (word.Length is < 2 or > DictionaryMatcher.MaxWordLength || word.Any(c => c is < '!' or > '~'))
                throw new Xunit.Sdk.XunitException($"word {w} has length {word.Length} or a character outside printable ASCII");
            if (string.CompareOrdinal(previous, word) >= 0)
                throw new Xunit.Sdk.XunitException($"word {w} does not sort after word {w - 1}");
            previous = word;
        }
    }

    [Fact]
    public void Every_word_is_found_by_the_prefix_walk_at_its_own_index_with_a_rank_and_a_list()
    {
        for (var w = 0; w < Data.WordCount; w++)
        {
            var word = WordAt(w);
            if (!Data.TryFind(word, out var index) || index != w)
                throw new Xunit.Sdk.XunitException($"word {w} is found at {index}");
            if (Data.RankOf(w) < 1 || Data.DictionaryOf(w) == PasswordWordList.None || Data.CommonPasswordRankOf(w) < 0)
                throw new Xunit.Sdk.XunitException($"word {w} has rank {Data.RankOf(w)} in {Data.DictionaryOf(w)}");
        }
    }

    [Fact]
    public void The_first_character_index_covers_exactly_the_words_starting_with_each_character()
    {
        var covered = 0;
        for (var c = 0; c < 128; c++)
        {
            int lo = 0, hi = Data.WordCount;
            if (!Data.Narrow(ref lo, ref hi, 0, c)) continue;
            (lo == 0 || Data.CharAt(lo - 1, 0) < c).Should().BeTrue($"the range of {c} starts at its first word");
            for (var w = lo; w < hi; w++) Data.CharAt(w, 0).Should().Be(c);
            covered += hi - lo;
        }

        covered.Should().Be(Data.WordCount);
    }

    // Expected values read from the data with the build script's own sources (zxcvbn-ts lists, finance-terms.txt).
    [Theory]
    [InlineData("password", PasswordWordList.CommonPasswords, 2, 2)]
    [InlineData("sakura", PasswordWordList.JapaneseGivenNames, 335, 1492)]
    [InlineData("tanaka", PasswordWordList.JapaneseSurnames, 6, 13067)]
    [InlineData("nomura", PasswordWordList.FinanceTerms, 4, 0)]
    public void Known_words_keep_their_list_rank_and_common_password_rank(string word, PasswordWordList list, int rank, int commonPasswordRank)
    {
        Data.TryFind(word, out var index).Should().BeTrue();
        Data.DictionaryOf(index).Should().Be(list);
        Data.RankOf(index).Should().Be(rank);
        Data.CommonPasswordRankOf(index).Should().Be(commonPasswordRank);
    }

    [Fact]
    public void Narrowing_by_a_second_character_gives_the_same_range_when_remembered_as_when_searched()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789'@!";
        foreach (var c0 in alphabet)
        {
            foreach (var c1 in alphabet)
            {
                int lo = 0, hi = Data.WordCount;
                if (!Data.Narrow(ref lo, ref hi, 0, c0)) continue;
                // The words of the first-character range whose second character is c1, by a linear scan.
                int first = -1, count = 0;
                for (var w = lo; w < hi; w++)
                {
                    if (Data.CharAt(w, 1) != c1) continue;
                    if (first < 0) first = w;
                    count++;
                }

                for (var pass = 0; pass < 2; pass++) // the first pass searches and remembers, the second reads the memory
                {
                    int l = lo, h = hi;
                    var found = Data.Narrow(ref l, ref h, 1, c1);
                    found.Should().Be(count > 0, $"prefix {c0}{c1}, pass {pass}");
                    if (found) (l, h).Should().Be((first, first + count), $"prefix {c0}{c1}, pass {pass}");
                }
            }
        }
    }

    private static string WordAt(int index) =>
        new([.. Enumerable.Range(0, Data.LengthOf(index)).Select(p => (char)Data.CharAt(index, p))]);
}
