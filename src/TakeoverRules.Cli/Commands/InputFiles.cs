using System.Runtime.InteropServices;
using System.Text;

namespace TakeoverRules.Cli.Commands;

/// <summary>
/// Opens the files an operator names on the command line so that a mistake fails early with a clear reason: a
/// directory is named as such, a device or pipe that never ends (<c>/dev/zero</c>) is cut off at a limit, and an
/// output file that is one of the inputs is refused before it is truncated.
/// </summary>
internal static partial class InputFiles
{
    /// <summary>Opens <paramref name="path"/> for reading; a missing file, a directory or a refused open is an <see cref="InputFileException"/>.</summary>
    public static FileStream Open(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new InputFileException($"{what} {path}: is a directory, not a file");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputFileException($"{what} {path}: file not found", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"{what} {path}: cannot open ({ex.Message})", ex);
        }
    }

    /// <summary>
    /// Reads a whole text file of at most <paramref name="maxBytes"/>, counting what is read rather than trusting the
    /// reported length (a device reports 0 and never ends).
    /// </summary>
    public static string ReadAllText(string path, string what, int maxBytes)
    {
        using var stream = Open(path, what);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InputFileException($"{what} {path}: larger than {maxBytes:N0} bytes; not a file this command reads");
            }

            buffer.Write(chunk, 0, read);
        }

        return new UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }

    /// <summary>
    /// Whether <paramref name="output"/> is the same file as <paramref name="input"/>: the same device and inode on
    /// Unix (through symbolic and hard links alike), else the same final path after resolving links.
    /// </summary>
    public static bool SameFile(string input, string output)
    {
        if (!File.Exists(output) || !File.Exists(input))
        {
            return false;
        }

        if (FileId(input) is { } a && FileId(output) is { } b)
        {
            return a == b;
        }

        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return string.Equals(FinalPath(input), FinalPath(output), comparison);
    }

    private static string FinalPath(string path) =>
        Path.GetFullPath(File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path);

    /// <summary>
    /// Device and inode from <c>stat(2)</c>, which follows symbolic links. On 64-bit Linux, macOS and the BSDs the inode
    /// is the 8 bytes at offset 8 of <c>struct stat</c> and the device starts at offset 0 (the low 4 bytes are compared,
    /// as macOS keeps 4 there). <see langword="null"/> where that does not hold or <c>stat</c> is not exported.
    /// </summary>
    private static (uint Device, ulong Inode)? FileId(string path)
    {
        if (OperatingSystem.IsWindows() || !Environment.Is64BitProcess)
        {
            return null;
        }

        var status = new byte[512];
        try
        {
            if (Stat(path, status) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }

        return (BitConverter.ToUInt32(status, 0), BitConverter.ToUInt64(status, 8));
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] status);
}

/// <summary>An input the operator named cannot be used (missing, a directory, too large, not line-separated text): exit code 2.</summary>
internal sealed class InputFileException : IOException
{
    public InputFileException(string message)
        : base(message)
    {
    }

    public InputFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Passes a text input through while bounding it: at most <c>maxBytes</c> in all, and at most <c>maxLineGap</c>
/// bytes without a line break (LF or CR), so that <c>/dev/zero</c> or a binary file ends the read with a reason
/// instead of being skipped forever as one endless line. The check is one vectorised search per read.
/// </summary>
internal sealed class BoundedInputStream(Stream inner, string what, long maxBytes, long maxLineGap) : Stream
{
    private long _total;
    private long _sinceBreak;

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        var data = buffer[..read];
        _total += read;
        if (_total > maxBytes)
        {
            throw new InputFileException($"{what}: larger than {maxBytes:N0} bytes; not a file this command reads");
        }

        var lastBreak = data.LastIndexOfAny((byte)'\n', (byte)'\r');
        _sinceBreak = lastBreak >= 0 ? read - lastBreak - 1 : _sinceBreak + read;
        if (_sinceBreak > maxLineGap)
        {
            throw new InputFileException($"{what}: no line break in {maxLineGap:N0} bytes (at byte {_total:N0}); not JSON Lines text");
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
