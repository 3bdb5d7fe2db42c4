using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Demo.Books;

[ApiController]
[Route("books")]
public class BooksController : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Add(Book book)
    {
        await Task.Delay(500);
        if (await _store.ContainsAsync(book.Isbn))
        {
            return StatusCode(409);
        }
        await _store.AddAsync(book);
        return StatusCode(StatusCodes.Status201Created, book);
    }

    [HttpGet("{isbn}")]
    public async Task<IActionResult> Get(string isbn)
    {
        var book = await _store.FindAsync(isbn);
        return book is null ? NotFound() : Ok(book);
    }
}
