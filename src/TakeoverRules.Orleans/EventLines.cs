using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Orleans;

/// <summary>
/// Events cross the wire as one line of event format v1: the library's own versioned, validated format, so the grains
/// apply exactly what an in-process reader would.
/// </summary>
internal static class EventLines
{
    public static byte[] Encode(AccountEvent accountEvent)
    {
        using var stream = new MemoryStream(256);
        using (var writer = new EventWriter(stream, leaveOpen: true))
        {
            writer.Write(accountEvent);
        }

        return stream.ToArray();
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
}
