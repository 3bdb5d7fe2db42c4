<?php
// Opened by the PHP end-to-end test.

namespace App\Http\Controllers;

use Illuminate\Http\Request;

class OrderController extends Controller
{
    public function store(Request $request)
    {
        if ($request->has('duplicate')) {
            return response()->json(['error' => 'duplicate order'], 409);
        }
        return response()->json(Order::paginate(15), 201);
    }
}
