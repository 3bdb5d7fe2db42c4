# Opened by the Ruby end-to-end test.
class OrdersController < ApplicationController
  def create
    order = Order.new(order_params)
    if order.save
      render json: order, status: :created, location: order
    else
      render json: { error: 'duplicate order' }, status: :conflict
    end
  end

  def index
    render json: Order.limit(500)
  end
end
