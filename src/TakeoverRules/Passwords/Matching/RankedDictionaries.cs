using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// The embedded ranked word lists (Data/dictionaries.bin, built by Data/build-dictionaries.mjs): lower-case ASCII
/// words sorted by byte value, so a prefix walk narrows a range by binary search instead of building a trie at
/// start-up. Loaded once, lazily and thread-safely; read-only afterwards.
/// </summary>
internal sealed class RankedDictionaries
{
    private const string ResourceName = "TakeoverRules.Passwords.Data.dictionaries.bin";

    // Maps the list order written by the build script to the public enum.
    private static readonly PasswordWordList[] ListKinds =
    [
        PasswordWordList.CommonPasswords, PasswordWordList.EnglishWords, PasswordWordList.EnglishTvAndFilm,
        PasswordWordList.Surnames, PasswordWordList.FemaleNames, PasswordWordList.MaleNames,
        PasswordWordList.JapaneseWords, PasswordWordList.JapaneseSurnames, PasswordWordList.JapaneseGivenNames,
        PasswordWordList.FinanceTerms, PasswordWordList.EnglishTvAndFilm, PasswordWordList.EnglishGivenNames,
        PasswordWordList.Surnames,
    ];

    /// <summary>Character classes of the trigram model: a–z, 0–9, any other character; 37 is the word boundary.</summary>
    public const int MarkovClasses = 37;

    private static readonly Lazy<RankedDictionaries> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly int[] _firstCharStart; // words starting with byte c are [_firstCharStart[c], _firstCharStart[c + 1])
    private readonly int[] _wordStart; // wordCount + 1 entries; word i is _blob[_wordStart[i] .. _wordStart[i + 1])
    private readonly int[] _meta;
    private readonly int[] _passwordRank;
    private readonly byte[] _blob;
    private readonly byte[] _markov;

    private RankedDictionaries(int[] firstCharStart, int[] wordStart, int[] meta, int[] passwordRank, byte[] blob, byte[] markov)
    {
        _firstCharStart = firstCharStart;
        _wordStart = wordStart;
        _meta = meta;
        _passwordRank = passwordRank;
        _blob = blob;
        _markov = markov;
    }

    public static RankedDictionaries Instance => Shared.Value;

    public int WordCount => _wordStart.Length - 1;

    /// <summary>Number of characters of word <paramref name="index"/>.</summary>
    public int LengthOf(int index) => _wordStart[index + 1] - _wordStart[index];

    /// <summary>Character <paramref name="position"/> of word <paramref name="index"/>, or -1 past its end.</summary>
    public int CharAt(int index, int position)
    {
        var start = _wordStart[index];
        return position < _wordStart[index + 1] - start ? _blob[start + position] : -1;
    }

    public PasswordWordList DictionaryOf(int index) => ListKinds[Meta(index) >>> 24];

    public int RankOf(int index) => (int)(Meta(index) & 0xFFFFFF);

    public int CommonPasswordRankOf(int index) => _passwordRank[index];

    /// <summary>
    /// Narrows <paramref name="lo"/>..<paramref name="hi"/> (words sharing a prefix of length <paramref name="depth"/>)
    /// to the words whose next character is <paramref name="c"/>. Words ending at <paramref name="depth"/> sort first.
    /// </summary>
    public bool Narrow(ref int lo, ref int hi, int depth, int c)
    {
        if (depth == 0)
        {
            if (c >= 128) return false;
            lo = _firstCharStart[c];
            hi = _firstCharStart[c + 1];
            return lo < hi;
        }

        int a = lo, b = hi;
        while (a < b)
        {
            var mid = (a + b) >>> 1;
            if (CharAt(mid, depth) < c) a = mid + 1;
            else b = mid;
        }

        var first = a;
        b = hi;
        while (a < b)
        {
            var mid = (a + b) >>> 1;
            if (CharAt(mid, depth) <= c) a = mid + 1;
            else b = mid;
        }

        if (first == a) return false;
        lo = first;
        hi = a;
        return true;
    }

    /// <summary>Whether the first word of a narrowed range ends exactly at <paramref name="length"/>.</summary>
    public bool EndsAt(int lo, int length) => LengthOf(lo) == length;

    /// <summary>Looks up a whole lower-case word; <paramref name="index"/> is its position when found.</summary>
    public bool TryFind(ReadOnlySpan<char> lowerWord, out int index)
    {
        int lo = 0, hi = WordCount;
        for (var d = 0; d < lowerWord.Length; d++)
        {
            if (!Narrow(ref lo, ref hi, d, lowerWord[d]))
            {
                index = -1;
                return false;
            }
        }

        index = lo;
        return lowerWord.Length > 0 && EndsAt(lo, lowerWord.Length);
    }

    /// <summary>-log10 P(c | a b) of the character trigram model; a, b in 0..37 (37 = boundary), c in 0..36.</summary>
    public double MarkovCost(int a, int b, int c) => _markov[(((a * 38) + b) * MarkovClasses) + c] / 20.0;

    private uint Meta(int index) => (uint)_meta[index];

    // Bulk reads straight into the lookup tables: no decompression and no per-word work, because the first estimate
    // in a fresh process (this load included) must stay well under 50 ms.
    private static RankedDictionaries Load()
    {
        using var stream = typeof(RankedDictionaries).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the TakeoverRules assembly.");
        // A heap buffer, not stackalloc: a method with a loop and stackalloc is always fully optimised by the JIT.
        Span<byte> header = new byte[256];
        if (stream.ReadAtLeast(header[..6], 6, throwOnEndOfStream: false) < 6
            || !header[..5].SequenceEqual("TRPD\u0003"u8))
            throw new InvalidDataException($"Embedded resource {ResourceName} has an unknown format.");
        var listCount = header[5];
        if (listCount != ListKinds.Length)
            throw new InvalidDataException($"Embedded resource {ResourceName} has {listCount} lists; expected {ListKinds.Length}.");
        for (var i = 0; i < listCount; i++)
        {
            var nameLength = ReadExactly(stream, header[..1])[0];
            ReadExactly(stream, header[..nameLength]);
        }

        var counts = ReadExactly(stream, header[..8]);
        var wordCount = BinaryPrimitives.ReadInt32LittleEndian(counts);
        var blobLength = BinaryPrimitives.ReadInt32LittleEndian(counts[4..]);
        var markovLength = 38 * 38 * MarkovClasses;
        if (wordCount <= 0 || blobLength <= 0 || stream.Length - stream.Position != ((129 + wordCount + 1 + (2L * wordCount)) * 4) + blobLength + markovLength)
            throw new InvalidDataException($"Embedded resource {ResourceName} has the wrong length for {wordCount} words.");

        var firstCharStart = ReadInt32s(stream, 129);
        var wordStart = ReadInt32s(stream, wordCount + 1);
        var meta = ReadInt32s(stream, wordCount);
        var passwordRank = ReadInt32s(stream, wordCount);
        var blob = GC.AllocateUninitializedArray<byte>(blobLength);
        ReadExactly(stream, blob);
        var markov = new byte[markovLength];
        ReadExactly(stream, markov);

        // Cheap consistency checks only; a test walks every word (sorted, offsets increasing, first-character index).
        if (wordStart[0] != 0 || wordStart[wordCount] != blobLength || firstCharStart[0] != 0 || firstCharStart[128] != wordCount)
            throw new InvalidDataException($"Embedded resource {ResourceName} has inconsistent word offsets.");
        return new RankedDictionaries(firstCharStart, wordStart, meta, passwordRank, blob, markov);
    }

    private static Span<byte> ReadExactly(Stream stream, Span<byte> buffer)
    {
        stream.ReadExactly(buffer);
        return buffer;
    }

    private static int[] ReadInt32s(Stream stream, int count)
    {
        var values = GC.AllocateUninitializedArray<int>(count);
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        stream.ReadExactly(bytes);
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(values, values);
        }

        return values;
    }
}
