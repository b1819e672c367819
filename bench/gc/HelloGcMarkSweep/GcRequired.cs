using Compose;
using Compose.Libraries.UkGc;

// Requiring the API binds its provider; a provider chosen in .config alone would be bound too.
[assembly: Requires(typeof(IGarbageCollector))]
