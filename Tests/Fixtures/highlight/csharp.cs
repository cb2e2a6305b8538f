using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace WeatherCli
{
    /// <summary>A single forecast entry returned by the API.</summary>
    public record Forecast(DateTime Date, double TemperatureC, string Summary)
    {
        public double TemperatureF => 32 + TemperatureC / 0.5556;
    }

    public interface IForecastSource
    {
        Task<IReadOnlyList<Forecast>> GetAsync(string city, int days = 3);
    }

    public sealed class HttpForecastSource : IForecastSource, IDisposable
    {
        private const int MaxDays = 14;
        private static readonly Uri BaseAddress = new Uri("https://api.example.com/v1/");
        private readonly HttpClient _client;

        public HttpForecastSource(HttpClient? client = null)
        {
            _client = client ?? new HttpClient { BaseAddress = BaseAddress };
        }

        public async Task<IReadOnlyList<Forecast>> GetAsync(string city, int days = 3)
        {
            if (string.IsNullOrWhiteSpace(city))
                throw new ArgumentException("city is required", nameof(city));
            days = Math.Clamp(days, 1, MaxDays);

            var url = $"forecast?city={Uri.EscapeDataString(city)}&days={days}";
            var rows = await _client.GetFromJsonAsync<List<Forecast>>(url) ?? new List<Forecast>();
            return rows.Where(f => f.Date >= DateTime.Today).ToList();
        }

        public void Dispose() => _client.Dispose();
    }

    internal static class Program
    {
        private static readonly Dictionary<string, ConsoleColor> Colors = new()
        {
            ["Sunny"] = ConsoleColor.Yellow,
            ["Rain"] = ConsoleColor.Blue,
        };

        // Usage: weather <city> [days]
        private static async Task<int> Main(string[] args)
        {
            if (args.Length == 0)
            {
                Console.Error.WriteLine("usage: weather <city> [days]");
                return 1;
            }

            int days = args.Length > 1 && int.TryParse(args[1], out var d) ? d : 3;
            using var source = new HttpForecastSource();
            try
            {
                foreach (var f in await source.GetAsync(args[0], days))
                {
                    Console.ForegroundColor = Colors.TryGetValue(f.Summary, out var c) ? c : ConsoleColor.Gray;
                    Console.WriteLine($"{f.Date:ddd dd MMM}  {f.TemperatureC,5:0.0}°C  {f.Summary}");
                }
            }
            catch (HttpRequestException ex) when (ex.StatusCode is not null)
            {
                Console.Error.WriteLine(@"request failed: ""{0}""", ex.Message);
                return 2;
            }
            finally
            {
                Console.ResetColor();
            }

            var hot = new[] { 30.5f, 1e3, 0x1F, 42L, 'x', '\n' };
            Console.WriteLine("max: " + hot.Max() + "\tcount: " + hot.Length);
            return 0;
        }
    }
}
