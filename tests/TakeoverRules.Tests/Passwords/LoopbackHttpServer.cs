using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TakeoverRules.Tests.Passwords;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a random port, speaking just enough of the protocol for the range-API
/// tests: it records each raw request and answers with whatever the test's handler writes. No external network.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, Stream, CancellationToken, Task> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _requests = [];

    /// <param name="respond">Gets the raw request head and the connection stream, and writes the raw response.</param>
    public LoopbackHttpServer(Func<string, Stream, CancellationToken, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public IReadOnlyList<string> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    /// <summary>A server that answers 200 with <paramref name="body"/> as text/plain.</summary>
    public static LoopbackHttpServer Returning(string body, int status = 200) =>
        new(async (_, stream, ct) => await WriteResponseAsync(stream, status, body, ct));

    public static async Task WriteResponseAsync(Stream stream, int status, string body, CancellationToken ct)
    {
        var bytes = Encoding.ASCII.GetBytes(body);
        var head = $"HTTP/1.1 {status} X\r\nContent-Type: text/plain\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
        await stream.WriteAsync(bytes, ct);
        await stream.FlushAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { } catch (SocketException) { } catch (ObjectDisposedException) { }
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    var stream = client.GetStream();
                    var head = await ReadHeadAsync(stream, _stop.Token);
                    lock (_requests) _requests.Add(head);
                    try { await _respond(head, stream, _stop.Token); }
                    catch (IOException) { }
                    catch (OperationCanceledException) { }
                }
            });
        }
    }

    private static async Task<string> ReadHeadAsync(Stream stream, CancellationToken ct)
    {
        var received = new List<byte>();
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer, ct) == 1)
        {
            received.Add(buffer[0]);
            var n = received.Count;
            if (n >= 4 && received[n - 4] == '\r' && received[n - 3] == '\n' && received[n - 2] == '\r' && received[n - 1] == '\n') break;
        }

        return Encoding.ASCII.GetString([.. received]);
    }
}
