"""A small books API (example for HTTP Status Hints; not meant to be run)."""
from fastapi import FastAPI, HTTPException, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel

app = FastAPI()
books: dict[int, dict] = {}


class Book(BaseModel):
    title: str
    author: str


@app.get("/books/{book_id}")
def get_book(book_id: int):
    if book_id not in books:
        raise HTTPException(status_code=404, detail="Book not found")
    return books[book_id]


# MISTAKE: 201 Created without a Location header pointing at the new book.
@app.post("/books", status_code=status.HTTP_201_CREATED)
def create_book(book: Book):
    book_id = len(books) + 1
    books[book_id] = book.model_dump()
    return {"id": book_id, **books[book_id]}


@app.put("/books/{book_id}")
def replace_book(book_id: int, book: Book):
    if book_id not in books:
        # MISTAKE: an error body sent with 200.
        return JSONResponse(status_code=200, content={"error": "Book not found"})
    books[book_id] = book.model_dump()
    return books[book_id]


@app.post("/books/{book_id}/reserve")
def reserve_book(book_id: int):
    book = books.get(book_id)
    if book is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Book not found")
    if book.get("reserved"):
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail="Already reserved")
    book["reserved"] = True
    return book


@app.delete("/books/{book_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_book(book_id: int) -> None:
    books.pop(book_id, None)
