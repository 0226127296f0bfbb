using System.Buffers.Binary;
using System.IO.Compression;

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

    private readonly byte[] _data;
    private readonly int[] _wordStart; // wordCount + 1 entries; word i is _data[_wordStart[i] .. _wordStart[i + 1])
    private readonly int _metaOffset;
    private readonly int _passwordRankOffset;
    private readonly int _markovOffset;
    private readonly int[] _firstCharStart = new int[129]; // words starting with byte c are [_firstCharStart[c], _firstCharStart[c + 1])

    private RankedDictionaries(byte[] data, int[] wordStart, int metaOffset, int passwordRankOffset, int markovOffset)
    {
        _markovOffset = markovOffset;
        _data = data;
        _wordStart = wordStart;
        _metaOffset = metaOffset;
        _passwordRankOffset = passwordRankOffset;
        var word = 0;
        for (var c = 0; c < 128; c++)
        {
            _firstCharStart[c] = word;
            while (word < WordCount && _data[_wordStart[word]] == c) word++;
        }

        _firstCharStart[128] = word;
    }

    public static RankedDictionaries Instance => Shared.Value;

    public int WordCount => _wordStart.Length - 1;

    /// <summary>Number of characters of word <paramref name="index"/>.</summary>
    public int LengthOf(int index) => _wordStart[index + 1] - _wordStart[index];

    /// <summary>Character <paramref name="position"/> of word <paramref name="index"/>, or -1 past its end.</summary>
    public int CharAt(int index, int position)
    {
        var start = _wordStart[index];
        return position < _wordStart[index + 1] - start ? _data[start + position] : -1;
    }

    public PasswordWordList DictionaryOf(int index) => ListKinds[Meta(index) >>> 24];

    public int RankOf(int index) => (int)(Meta(index) & 0xFFFFFF);

    public int CommonPasswordRankOf(int index) =>
        (int)BinaryPrimitives.ReadUInt32LittleEndian(_data.AsSpan(_passwordRankOffset + (index * 4)));

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
    public double MarkovCost(int a, int b, int c) => _data[_markovOffset + (((a * 38) + b) * MarkovClasses) + c] / 20.0;

    private uint Meta(int index) => BinaryPrimitives.ReadUInt32LittleEndian(_data.AsSpan(_metaOffset + (index * 4)));

    private static RankedDictionaries Load()
    {
        using var stream = typeof(RankedDictionaries).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the TakeoverRules assembly.");
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress);
        using var buffer = new MemoryStream(capacity: 2_500_000);
        brotli.CopyTo(buffer);
        var data = buffer.GetBuffer();
        var length = (int)buffer.Length;

        if (length < 6 || data[0] != 'T' || data[1] != 'R' || data[2] != 'P' || data[3] != 'D' || data[4] != 2)
            throw new InvalidDataException($"Embedded resource {ResourceName} has an unknown format.");
        var listCount = data[5];
        if (listCount != ListKinds.Length)
            throw new InvalidDataException($"Embedded resource {ResourceName} has {listCount} lists; expected {ListKinds.Length}.");
        var offset = 6;
        for (var i = 0; i < listCount; i++) offset += 1 + data[offset];
        var wordCount = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset));
        var blobLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset + 4));
        offset += 8;
        var metaOffset = offset;
        var passwordRankOffset = metaOffset + (wordCount * 4);
        var lengthsOffset = passwordRankOffset + (wordCount * 4);
        var blobOffset = lengthsOffset + wordCount;
        var markovOffset = blobOffset + blobLength;
        if (markovOffset + (38 * 38 * MarkovClasses) > length)
            throw new InvalidDataException($"Embedded resource {ResourceName} is truncated.");

        var wordStart = new int[wordCount + 1];
        wordStart[0] = blobOffset;
        for (var w = 0; w < wordCount; w++) wordStart[w + 1] = wordStart[w] + data[lengthsOffset + w];
        if (wordStart[wordCount] != markovOffset)
            throw new InvalidDataException($"Embedded resource {ResourceName} has inconsistent word lengths.");

        return new RankedDictionaries(data, wordStart, metaOffset, passwordRankOffset, markovOffset);
    }
}
