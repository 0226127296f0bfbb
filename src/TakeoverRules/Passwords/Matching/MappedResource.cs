using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// Opens an embedded table of the TakeoverRules assembly for reading in place: the manifest resource stream is a view
/// of the loaded image (JIT and NativeAOT alike), so its memory is used as stored, with no copy; a stream that is not
/// memory-mapped is copied once into a pinned array. Used by <see cref="RankedDictionaries"/> and
/// <see cref="MarkovModel"/>.
/// </summary>
internal static unsafe class MappedResource
{
    /// <summary>
    /// The resource's first byte and length; <paramref name="owner"/> keeps the memory alive (the assembly, or the
    /// pinned copy) and must be held as long as the pointer is used.
    /// </summary>
    public static byte* Open(string resourceName, out object owner, out int length)
    {
        var assembly = typeof(MappedResource).Assembly;
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing from the TakeoverRules assembly.");
        if (stream is UnmanagedMemoryStream mapped)
        {
            // Disposing the stream leaves the memory: it belongs to the loaded image.
            owner = assembly;
            length = (int)Math.Min(mapped.Length - mapped.Position, int.MaxValue);
            return mapped.PositionPointer;
        }

        var copy = GC.AllocateUninitializedArray<byte>(checked((int)stream.Length), pinned: true);
        stream.ReadExactly(copy);
        owner = copy;
        length = copy.Length;
        return (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(copy));
    }

    /// <summary>Little-endian 32-bit entry <paramref name="index"/> of a table of <paramref name="count"/> entries, bounds-checked.</summary>
    public static int ReadInt32(byte* table, int index, int count)
    {
        if ((uint)index >= (uint)count) ThrowOutOfRange(index);
        var value = Unsafe.ReadUnaligned<int>(table + (index * 4L));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    [DoesNotReturn]
    private static void ThrowOutOfRange(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "Outside the embedded table.");
}
