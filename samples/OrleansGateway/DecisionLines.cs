using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace OrleansGateway;

/// <summary>
/// Decision lines through the library's <see cref="DecisionWriter"/>, one writer per thread: a writer buffers 128 KiB,
/// too much to allocate again for every request.
/// </summary>
internal static class DecisionLines
{
    [ThreadStatic]
    private static (MemoryStream Stream, DecisionWriter Writer)? t_writer;

    /// <summary>Every decision's line, or only those the decisions stream of record keeps (<see cref="DecisionWriter.WriteIfReportable"/>).</summary>
    public static byte[] Of(IEnumerable<Decision> decisions, bool reportableOnly)
    {
        var (stream, writer) = t_writer ?? NewWriter();
        t_writer = null; // a writer left mid-line by an exception is never reused
        stream.SetLength(0);
        foreach (var decision in decisions)
        {
            if (reportableOnly)
            {
                writer.WriteIfReportable(decision);
            }
            else
            {
                writer.Write(decision);
            }
        }

        writer.Flush();
        var lines = stream.ToArray();
        t_writer = (stream, writer);
        return lines;
    }

    public static byte[] Of(in Decision decision) => Of([decision], reportableOnly: false);

    private static (MemoryStream, DecisionWriter) NewWriter()
    {
        var stream = new MemoryStream(512);
        return (stream, new DecisionWriter(stream, leaveOpen: true));
    }
}
