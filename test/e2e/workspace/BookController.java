package demo.books;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/books")
public class BookController {

    private static final int PAGE_SIZE = 25;

    @PostMapping
    public ResponseEntity<Book> add(@RequestBody Book book) throws InterruptedException {
        Thread.sleep(500);
        if (store.contains(book.isbn())) {
            return ResponseEntity.status(409).build();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(store.add(book));
    }

    @GetMapping("/{isbn}")
    public ResponseEntity<Book> get(@PathVariable String isbn) {
        return store.find(isbn).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
    }
}
