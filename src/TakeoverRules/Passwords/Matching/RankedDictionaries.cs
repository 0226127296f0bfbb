using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// The embedded ranked word lists (Data/dictionaries.bin, built by Data/build-dictionaries.mjs): lower-case ASCII
/// words sorted by byte value, so a prefix walk narrows a range by binary search instead of building a trie at
/// start-up. Loaded once, lazily and thread-safely; read-only afterwards.
/// The tables are read in place from the assembly's mapped resource (no copy, no decompression, no per-word work):
/// a copy to the heap cost 15–30 ms of page faults on fresh memory, most of the 50 ms budget of a first estimate,
/// while lookups touch only a few hundred of the resource's pages. Pointers are confined to this class; every read
/// is bounds-checked against the table it reads.
/// </summary>
internal sealed unsafe class RankedDictionaries
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

    private const int FirstCharEntries = 129;
    private const int MarkovLength = 38 * 38 * MarkovClasses;

    // Keeps the assembly, and so the resource memory, alive as long as this instance (matters for collectible
    // contexts); for a resource that is not memory-mapped it is the pinned copy.
    private readonly object _owner;
    private readonly int _wordCount;
    private readonly int _blobLength;
    private readonly byte* _firstCharStart; // FirstCharEntries x i32: words starting with byte c are [t[c], t[c + 1])
    private readonly byte* _wordStart; // (wordCount + 1) x i32: word i is _blob[start[i] .. start[i + 1])
    private readonly byte* _meta; // wordCount x u32: list index << 24 | rank
    private readonly byte* _passwordRank; // wordCount x i32
    private readonly byte* _blob;
    private readonly byte* _markov; // MarkovLength x u8

    // (first character << 7 | second character) -> (lo + 1) << 32 | (hi + 1) of that two-character prefix; 0 = not yet found.
    private readonly long[] _secondChar = new long[128 * 128];

    // The same for three-character prefixes of letters and digits, (k0 · 36 + k1) · 36 + k2 by ThirdCharClass.
    private readonly long[] _thirdChar = new long[ThirdCharClasses * ThirdCharClasses * ThirdCharClasses];

    // Memos of the fourth and fifth characters' steps (NarrowMemo), slot = (lo & 0xFF) << 7 | c.
    private readonly long[] _fourthChar = new long[256 * 128];
    private readonly long[] _fifthChar = new long[256 * 128];

    private RankedDictionaries(object owner, byte* data, int wordCount, int blobLength)
    {
        _owner = owner;
        _wordCount = wordCount;
        _blobLength = blobLength;
        _firstCharStart = data;
        _wordStart = _firstCharStart + (FirstCharEntries * 4);
        _meta = _wordStart + ((wordCount + 1) * 4L);
        _passwordRank = _meta + (wordCount * 4L);
        _blob = _passwordRank + (wordCount * 4L);
        _markov = _blob + blobLength;
    }

    public static RankedDictionaries Instance => Shared.Value;

    public int WordCount => _wordCount;

    /// <summary>Number of characters of word <paramref name="index"/>.</summary>
    public int LengthOf(int index) => WordStart(index + 1) - WordStart(index);

    /// <summary>Character <paramref name="position"/> of word <paramref name="index"/>, or -1 past its end.</summary>
    public int CharAt(int index, int position)
    {
        var start = WordStart(index);
        if ((uint)position >= (uint)(WordStart(index + 1) - start)) return -1;
        var at = start + position;
        if ((uint)at >= (uint)_blobLength) ThrowOutOfRange(at);
        return _blob[at];
    }

    public PasswordWordList DictionaryOf(int index) => ListKinds[Meta(index) >>> 24];

    public int RankOf(int index) => (int)(Meta(index) & 0xFFFFFF);

    public int CommonPasswordRankOf(int index) => Read(_passwordRank, index, _wordCount);

    /// <summary>
    /// Narrows <paramref name="lo"/>..<paramref name="hi"/> (words sharing a prefix of length <paramref name="depth"/>)
    /// to the words whose next character is <paramref name="c"/>. Words ending at <paramref name="depth"/> sort first.
    /// </summary>
    public bool Narrow(ref int lo, ref int hi, int depth, int c)
    {
        if (depth == 0)
        {
            if (c >= 128) return false;
            lo = Read(_firstCharStart, c, FirstCharEntries);
            hi = Read(_firstCharStart, c + 1, FirstCharEntries);
            return lo < hi;
        }

        // Second and third characters: the range of a two- or three-character prefix is the same every time, so it is
        // kept once found (the binary searches are most of a walk's cost: walks rarely get past three characters, and
        // the third character's search runs over the widest ranges).
        var cache = depth == 1 ? _secondChar : depth == 2 ? _thirdChar : null;
        var slot = cache is null ? -1 : depth == 1 ? SecondCharSlot(lo, hi, c) : ThirdCharSlot(lo, hi, c);
        if (slot >= 0)
        {
            var cached = Volatile.Read(ref cache![slot]);
            if (cached != 0)
            {
                int from = (int)(cached >>> 32) - 1, to = (int)(cached & 0xFFFFFFFF) - 1;
                if (from == to) return false;
                lo = from;
                hi = to;
                return true;
            }
        }

        if (depth is 3 or 4 && c < 128 && _wordCount < FourthCharMaxWords) return NarrowMemo(depth == 3 ? _fourthChar : _fifthChar, ref lo, ref hi, depth, c);
        var found = EqualRange(lo, hi, depth, c, out var first, out var end);
        // Racing threads store the same value, so a plain store is enough.
        if (slot >= 0) Volatile.Write(ref cache![slot], ((long)(first + 1) << 32) | (uint)(end + 1));
        if (!found) return false;
        lo = first;
        hi = end;
        return true;
    }

    // The fourth and fifth characters, through a direct-mapped memo per depth: too many such prefixes for a table of
    // every one, but the same few recur. An entry is one long (so racing threads read whole entries) holding the whole input
    // (lo, hi; c and the low bits of lo are its slot) and the result, so a hit is exact and a collision only evicts.
    private bool NarrowMemo(long[] memo, ref int lo, ref int hi, int depth, int c)
    {
        var slot = ((lo & 0xFF) << 7) | c;
        var key = ((long)(lo >> 8) << (3 * FieldBits)) | ((long)(hi - lo) << (2 * FieldBits));
        var entry = Volatile.Read(ref memo[slot]);
        int first, end;
        if (entry != 0 && (entry & ~((1L << (2 * FieldBits)) - 1)) == key)
        {
            first = lo + (int)((entry >>> FieldBits) & FieldMask);
            end = first + (int)(entry & FieldMask);
        }
        else
        {
            EqualRange(lo, hi, depth, c, out first, out end);
            Volatile.Write(ref memo[slot], key | ((long)(first - lo) << FieldBits) | (uint)(end - first)); // hi > lo: never 0
        }

        if (first == end) return false;
        lo = first;
        hi = end;
        return true;
    }

    // Word indexes and counts fit the memo's 18-bit fields (the lists hold about 173,000 words); a larger list skips the memo.
    private const int FieldBits = 18;
    private const long FieldMask = (1L << FieldBits) - 1;
    private const int FourthCharMaxWords = 1 << FieldBits;

    // The words of [lo, hi) whose character at depth is c, as [first, end). One binary search finds a word with c;
    // the two bounds are then searched only on either side of it, instead of two searches over the whole range.
    private bool EqualRange(int lo, int hi, int depth, int c, out int first, out int end)
    {
        int a = lo, b = hi;
        while (a < b)
        {
            var mid = (a + b) >>> 1;
            var at = CharAt(mid, depth);
            if (at < c)
            {
                a = mid + 1;
            }
            else if (at > c)
            {
                b = mid;
            }
            else
            {
                int x = a, y = mid;
                while (x < y)
                {
                    var m = (x + y) >>> 1;
                    if (CharAt(m, depth) < c) x = m + 1;
                    else y = m;
                }

                first = x;
                x = mid + 1;
                y = b;
                while (x < y)
                {
                    var m = (x + y) >>> 1;
                    if (CharAt(m, depth) <= c) x = m + 1;
                    else y = m;
                }

                end = x;
                return true;
            }
        }

        first = end = a;
        return false;
    }

    // The _secondChar slot when [lo, hi) is exactly the range of a first character, else -1.
    private int SecondCharSlot(int lo, int hi, int c)
    {
        if (c >= 128) return -1;
        var c0 = CharAt(lo, 0);
        return (uint)c0 < 128 && lo == Read(_firstCharStart, c0, FirstCharEntries) && hi == Read(_firstCharStart, c0 + 1, FirstCharEntries)
            ? (c0 << 7) | c
            : -1;
    }

    // The _thirdChar slot when [lo, hi) is exactly the (already remembered) range of a two-character prefix of
    // letters and digits and c is one too, else -1.
    private int ThirdCharSlot(int lo, int hi, int c)
    {
        var k2 = ThirdCharClass(c);
        if (k2 < 0) return -1;
        int c0 = CharAt(lo, 0), c1 = CharAt(lo, 1);
        int k0 = ThirdCharClass(c0), k1 = ThirdCharClass(c1);
        if (k0 < 0 || k1 < 0 || Volatile.Read(ref _secondChar[(c0 << 7) | c1]) != (((long)(lo + 1) << 32) | (uint)(hi + 1))) return -1;
        return (((k0 * ThirdCharClasses) + k1) * ThirdCharClasses) + k2;
    }

    private const int ThirdCharClasses = 36;

    // a–z as 0–25, 0–9 as 26–35, anything else -1: the characters of nearly every walk past two characters.
    private static int ThirdCharClass(int c) => c is >= 'a' and <= 'z' ? c - 'a' : c is >= '0' and <= '9' ? 26 + (c - '0') : -1;

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
    public double MarkovCost(int a, int b, int c)
    {
        var index = (((a * 38) + b) * MarkovClasses) + c;
        if ((uint)index >= MarkovLength) ThrowOutOfRange(index);
        return _markov[index] / 20.0;
    }

    private uint Meta(int index) => (uint)Read(_meta, index, _wordCount);

    private int WordStart(int index) => Read(_wordStart, index, _wordCount + 1);

    private static int Read(byte* table, int index, int count) => MappedResource.ReadInt32(table, index, count);

    [DoesNotReturn]
    private static void ThrowOutOfRange(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "Outside the embedded dictionary table.");

    private static RankedDictionaries Load()
    {
        var data = MappedResource.Open(ResourceName, out var owner, out var length);
        var bytes = new ReadOnlySpan<byte>(data, length);
        if (bytes.Length < 6 || !bytes[..5].SequenceEqual("TRPD\u0003"u8))
            throw new InvalidDataException($"Embedded resource {ResourceName} has an unknown format.");
        var listCount = bytes[5];
        if (listCount != ListKinds.Length)
            throw new InvalidDataException($"Embedded resource {ResourceName} has {listCount} lists; expected {ListKinds.Length}.");
        var offset = 6;
        for (var i = 0; i < listCount && offset < bytes.Length; i++) offset += 1 + bytes[offset];
        if (offset + 8 > bytes.Length)
            throw new InvalidDataException($"Embedded resource {ResourceName} is truncated.");
        var wordCount = BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
        var blobLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[(offset + 4)..]);
        offset += 8;
        if (wordCount <= 0 || blobLength <= 0
            || bytes.Length - offset != ((FirstCharEntries + wordCount + 1 + (2L * wordCount)) * 4) + blobLength + MarkovLength)
        {
            throw new InvalidDataException($"Embedded resource {ResourceName} has the wrong length for {wordCount} words.");
        }

        var dictionaries = new RankedDictionaries(owner, data + offset, wordCount, blobLength);
        if (dictionaries.WordStart(0) != 0 || dictionaries.WordStart(wordCount) != blobLength
            || Read(dictionaries._firstCharStart, 0, FirstCharEntries) != 0 || Read(dictionaries._firstCharStart, 128, FirstCharEntries) != wordCount)
        {
            throw new InvalidDataException($"Embedded resource {ResourceName} has inconsistent word offsets.");
        }

        return dictionaries;
    }
}
