using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// The learned character model (Data/markov.bin, built by Data/build-markov.mjs from the Burnett top-1M list): a
/// 5-gram with backoff over printable ASCII, and a Monte Carlo sample of it that turns a password's probability into
/// the number of guesses an attacker enumerating the model in probability order needs (Dell'Amico and Filippone,
/// CCS 2015). Read in place from the assembly's mapped resource like <see cref="RankedDictionaries"/>; loaded once,
/// lazily; scoring allocates nothing and is linear in the text.
/// </summary>
internal sealed unsafe class MarkovModel
{
    private const string ResourceName = "TakeoverRules.Passwords.Data.markov.bin";
    private const int Alphabet = 96; // 0 = boundary, 1..95 = U+0020..U+007E
    private const double Log10Of2Over8 = 0.030102999566398119521373889472449; // log10(2) / 8: costs are eighths of a bit

    private static readonly Lazy<MarkovModel> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly object _owner;
    private readonly int _order;
    private readonly int[] _nodeStart; // first node number of each context length, and the total at the end
    private readonly byte* _keys; // totalNodes x u32, ascending within each context length
    private readonly byte* _firstChild; // (totalNodes + 1) x u32
    private readonly byte* _backoff; // totalNodes x u8
    private readonly byte* _childSymbol; // childCount x u8
    private readonly byte* _childCost; // childCount x u8
    private readonly byte* _sampleCost; // sampleCount x u16, ascending
    private readonly byte* _rankLog10; // (sampleCount + 1) x f32
    private readonly int _childCount;
    private readonly int _sampleCount;

    private MarkovModel(object owner, byte* data, int order, int[] nodeStart, int childCount, int sampleCount)
    {
        _owner = owner;
        _order = order;
        _nodeStart = nodeStart;
        _childCount = childCount;
        _sampleCount = sampleCount;
        var total = nodeStart[^1];
        _keys = data;
        _firstChild = _keys + (total * 4L);
        _backoff = _firstChild + ((total + 1) * 4L);
        _childSymbol = _backoff + total;
        _childCost = _childSymbol + childCount;
        _sampleCost = _childCost + childCount;
        _rankLog10 = _sampleCost + (sampleCount * 2L);
    }

    public static MarkovModel Instance => Shared.Value;

    /// <summary>Number of Monte Carlo samples behind the rank estimate.</summary>
    public int SampleCount => _sampleCount;

    /// <summary>
    /// The model's cost of <paramref name="text"/> (as typed, case kept) in eighths of a bit, -8·log2 P, end of
    /// password included; false when the text holds a character outside printable ASCII (the model has not seen it).
    /// </summary>
    public bool TryCost(ReadOnlySpan<char> text, out long cost)
    {
        cost = 0;
        if (text.IsEmpty) return false;
        // The context: the last _order symbols, oldest first, packed base 96 (the boundary is symbol 0).
        uint context = 0;
        var known = 1; // symbols of history available (the start boundary counts)
        for (var t = 0; t <= text.Length; t++)
        {
            int symbol;
            if (t == text.Length)
            {
                symbol = 0;
            }
            else
            {
                var ch = text[t];
                if (ch is < ' ' or > '~') return false;
                symbol = ch - 0x1F;
            }

            cost += SymbolCost(context, Math.Min(known, _order), symbol);
            context = ((context % Pow96(_order - 1)) * Alphabet) + (uint)symbol;
            known++;
        }

        return true;
    }

    /// <summary>Log10 of the estimated guesses (rank in the model's order) for a password of the given cost.</summary>
    public double RankLog10(long cost)
    {
        // Samples cheaper than the password come before it; binary search their count.
        int lo = 0, hi = _sampleCount;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (SampleCost(mid) < cost) lo = mid + 1;
            else hi = mid;
        }

        var rank = RankAt(lo);
        // Beyond the rarest sample the estimate cannot grow from the sample; 1/P is the rank of a uniform tail.
        return lo == _sampleCount ? Math.Max(rank, cost * Log10Of2Over8) : rank;
    }

    /// <summary>Log10 guesses of <paramref name="text"/> under the model; false when the model cannot score it.</summary>
    public bool TryGuessesLog10(ReadOnlySpan<char> text, out double log10)
    {
        if (!TryCost(text, out var cost))
        {
            log10 = 0;
            return false;
        }

        log10 = RankLog10(cost);
        return true;
    }

    // Cost of `symbol` after the last `k` symbols of history (packed in `context`, which holds _order symbols).
    private int SymbolCost(uint context, int k, int symbol)
    {
        var cost = 0;
        for (; k >= 0; k--)
        {
            var key = k == 0 ? 0 : context % Pow96(k);
            if (!TryFindNode(k, key, out var node)) continue;
            int a = Read(_firstChild, node, _nodeStart[^1] + 1), b = Read(_firstChild, node + 1, _nodeStart[^1] + 1);
            if (k == 0)
            {
                // Order 0 holds every symbol at its own position.
                return cost + Byte(_childCost, a + symbol, _childCount);
            }

            while (a < b)
            {
                var mid = (a + b) >>> 1;
                var s = Byte(_childSymbol, mid, _childCount);
                if (s == symbol) return cost + Byte(_childCost, mid, _childCount);
                if (s < symbol) a = mid + 1;
                else b = mid;
            }

            cost += Byte(_backoff, node, _nodeStart[^1]);
        }

        return cost;
    }

    private bool TryFindNode(int k, uint key, out int node)
    {
        int lo = _nodeStart[k], hi = _nodeStart[k + 1];
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var value = (uint)Read(_keys, mid, _nodeStart[^1]);
            if (value == key)
            {
                node = mid;
                return true;
            }

            if (value < key) lo = mid + 1;
            else hi = mid;
        }

        node = -1;
        return false;
    }

    private static uint Pow96(int k) => k switch { 0 => 1, 1 => 96, 2 => 96 * 96, 3 => 96 * 96 * 96, _ => 96 * 96 * 96 * 96 };

    private int SampleCost(int index)
    {
        if ((uint)index >= (uint)_sampleCount) ThrowOutOfRange(index);
        var value = Unsafe.ReadUnaligned<ushort>(_sampleCost + (index * 2L));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    private double RankAt(int index)
    {
        if ((uint)index > (uint)_sampleCount) ThrowOutOfRange(index);
        var bits = Unsafe.ReadUnaligned<int>(_rankLog10 + (index * 4L));
        return BitConverter.Int32BitsToSingle(BitConverter.IsLittleEndian ? bits : BinaryPrimitives.ReverseEndianness(bits));
    }

    private static int Byte(byte* table, int index, int count)
    {
        if ((uint)index >= (uint)count) ThrowOutOfRange(index);
        return table[index];
    }

    private static int Read(byte* table, int index, int count) => MappedResource.ReadInt32(table, index, count);

    [DoesNotReturn]
    private static void ThrowOutOfRange(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "Outside the embedded model table.");

    private static MarkovModel Load()
    {
        var data = MappedResource.Open(ResourceName, out var owner, out var length);
        var bytes = new ReadOnlySpan<byte>(data, length);
        if (bytes.Length < 8 || !bytes[..5].SequenceEqual("TRMK\u0001"u8) || bytes[5] is 0 or > 4)
            throw new InvalidDataException($"Embedded resource {ResourceName} has an unknown format.");
        int order = bytes[5], offset = 8;
        if (bytes.Length < offset + ((order + 3) * 4))
            throw new InvalidDataException($"Embedded resource {ResourceName} is truncated.");
        var nodeStart = new int[order + 2];
        for (var k = 0; k <= order; k++)
        {
            nodeStart[k + 1] = checked(nodeStart[k] + BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]));
            offset += 4;
        }

        var childCount = BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
        var sampleCount = BinaryPrimitives.ReadInt32LittleEndian(bytes[(offset + 4)..]);
        offset += 8;
        long total = nodeStart[^1];
        if (nodeStart[1] != 1 || childCount < Alphabet || sampleCount <= 0
            || bytes.Length - offset != (total * 4) + ((total + 1) * 4) + total + (2L * childCount) + (2L * sampleCount) + ((sampleCount + 1) * 4L))
        {
            throw new InvalidDataException($"Embedded resource {ResourceName} has the wrong length.");
        }

        var model = new MarkovModel(owner, data + offset, order, nodeStart, childCount, sampleCount);
        if (Read(model._firstChild, 0, (int)total + 1) != 0 || Read(model._firstChild, 1, (int)total + 1) != Alphabet
            || Read(model._firstChild, (int)total, (int)total + 1) != childCount)
        {
            throw new InvalidDataException($"Embedded resource {ResourceName} has inconsistent child offsets.");
        }

        return model;
    }
}
