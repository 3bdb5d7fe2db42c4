from http import HTTPStatus

from flask import Flask, jsonify

app = Flask(__name__)


@app.post('/orders')
def create_order():
    return jsonify(error='duplicate order'), 409


@app.delete('/orders/<int:order_id>')
def delete_order(order_id):
    return '', HTTPStatus.NO_CONTENT


if __name__ == '__main__':
    app.run(port=5000)
