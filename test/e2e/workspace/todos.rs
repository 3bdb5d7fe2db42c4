use axum::{
    http::{header, StatusCode},
    response::IntoResponse,
    routing::post,
    Json, Router,
};
use std::net::SocketAddr;

async fn create(Json(todo): Json<Todo>) -> impl IntoResponse {
    if exists(&todo).await {
        return (StatusCode::CONFLICT, "todo exists").into_response();
    }
    let location = format!("/todos/{}", todo.id);
    (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(todo),
    )
        .into_response()
}

#[tokio::main]
async fn main() {
    let app = Router::new().route("/todos", post(create));
    let addr = SocketAddr::from(([127, 0, 0, 1], 3000));
    serve(app, addr).await;
}
