// Package main is a small notes API (example for HTTP Status Hints; not meant to be run).
package main

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
)

type note struct {
	ID   int    `json:"id"`
	Text string `json:"text"`
}

type store struct {
	mu    sync.Mutex
	notes map[int]note
	next  int
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

func (s *store) getNote(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		http.Error(w, "id must be a number", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n, ok := s.notes[id]
	if !ok {
		http.Error(w, "note not found", http.StatusNotFound)
		return
	}
	writeJSON(w, http.StatusOK, n)
}

func (s *store) createNote(w http.ResponseWriter, r *http.Request) {
	var n note
	if err := json.NewDecoder(r.Body).Decode(&n); err != nil || n.Text == "" {
		// MISTAKE: an error body sent with 200.
		w.WriteHeader(http.StatusOK)
		json.NewEncoder(w).Encode(map[string]string{"error": "text is required"})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, existing := range s.notes {
		if existing.Text == n.Text {
			http.Error(w, "a note with this text exists", http.StatusConflict)
			return
		}
	}
	s.next++
	n.ID = s.next
	s.notes[n.ID] = n
	// MISTAKE: 201 Created without a Location header pointing at the new note.
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(n)
}

func (s *store) deleteNote(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.Atoi(r.PathValue("id"))
	s.mu.Lock()
	delete(s.notes, id)
	s.mu.Unlock()
	w.WriteHeader(204)
}

func main() {
	s := &store{notes: map[int]note{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /notes/{id}", s.getNote)
	mux.HandleFunc("POST /notes", s.createNote)
	mux.HandleFunc("DELETE /notes/{id}", s.deleteNote)
	http.ListenAndServe(":8080", mux)
}
