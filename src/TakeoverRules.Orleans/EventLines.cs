using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Orleans;

/// <summary>
/// Events cross the wire as one line of event format v1: the library's own versioned, validated format, so the grains
/// apply exactly what an in-process reader would.
/// </summary>
internal static class EventLines
{
    // An EventWriter buffers 128 KiB: made once per thread and reused, not once per event (which put every decision's
    // event line through a large-object-heap allocation: ~90 µs and a gen-2 collection every few thousand calls).
    [ThreadStatic]
    private static Encoder? t_encoder;

    public static byte[] Encode(AccountEvent accountEvent)
    {
        var encoder = t_encoder ?? new Encoder();
        t_encoder = null;
        try
        {
            var line = encoder.Encode(accountEvent);
            t_encoder = encoder;
            return line;
        }
        catch
        {
            encoder.Dispose(); // a writer left mid-line is never reused
            throw;
        }
    }

    public static AccountEvent Decode(byte[] line)
    {
        var span = line.AsSpan();
        if (span.Length > 0 && span[^1] == (byte)'\n')
        {
            span = span[..^1];
        }

        var result = EventReader.Parse(span);
        return result.IsSuccess ? result.Value : throw new ArgumentException($"the event is not valid event format v1: {result.Error}", nameof(line));
    }

    private sealed class Encoder : IDisposable
    {
        private readonly MemoryStream _stream = new(256);
        private readonly EventWriter _writer;

        public Encoder() => _writer = new EventWriter(_stream, leaveOpen: true);

        public byte[] Encode(AccountEvent accountEvent)
        {
            _stream.SetLength(0);
            _writer.Write(accountEvent);
            _writer.Flush();
            return _stream.ToArray();
        }

        public void Dispose()
        {
            _writer.Dispose();
            _stream.Dispose();
        }
    }
}
